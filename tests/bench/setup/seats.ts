import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { syncPath } from '../../../shared/src/protocol/syncPath';
import type { Seat } from '../load/loadClient';
import type { BenchServer } from '../servers/benchServer';
import type { ProjectFixture } from './planFixture';

/** Seats on each fixture plan's `gezamenlijk`, one per signed-in member, with cookie and same-origin Origin. */
export function projectSeats(server: BenchServer, fixture: ProjectFixture, clientsPerPlan: number): Seat[][] {
  const ws = server.base.replace(/^http/, 'ws');
  return fixture.plans.map((plan) => {
    if (plan.cookies.length < clientsPerPlan) throw new Error(`plan ${plan.planId} has ${plan.cookies.length} signed-in members, ${clientsPerPlan} needed`);
    return plan.cookies.slice(0, clientsPerPlan).map((cookie) => ({
      url: `${ws}${syncPath(plan.planId, GEZAMENLIJK)}`,
      headers: { cookie, origin: server.base },
    }));
  });
}

/**
 * Seats on the reference: y-websocket 1.x names a doc by its URL path, so each room gets a path shaped like
 * the project's (`/<room>/gezamenlijk`); it checks no cookie and no Origin.
 */
export function referenceSeats(server: BenchServer, rooms: number, clientsPerRoom: number, prefix: string): Seat[][] {
  const ws = server.base.replace(/^http/, 'ws');
  return Array.from({ length: rooms }, (_, r) =>
    Array.from({ length: clientsPerRoom }, () => ({ url: `${ws}/${prefix}-${r}/${GEZAMENLIJK}`, headers: { origin: server.base } })),
  );
}
