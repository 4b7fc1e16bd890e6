import type { Scenario } from '../scenario';
import { startProjectServer } from '../servers/projectServer';
import { startReferenceServer } from '../servers/referenceServer';
import { prepareFixture, type ProjectFixture } from '../setup/planFixture';
import { projectSeats, referenceSeats } from '../setup/seats';
import { runSteadyLoad, steadyFigures } from './steadyLoad';

/** Issue 10 scenario 1: one plan, 12 people in a team meeting, each making 2 small edits per second. */
export const meeting: Scenario<ProjectFixture> = {
  name: 'meeting',
  describe: ({ meeting: p }) => `1 plan, ${p.clients} clients, ${p.perClientPerSecond} edits/s each, ${p.durationMs / 1000} s measured`,
  targets: ['project', 'reference'],
  figures: steadyFigures('meeting', 10),
  prepare: (ctx) => prepareFixture(ctx.tempRoot, 'meeting', { plans: 1, membersPerPlan: ctx.params.meeting.clients, progress: ctx.progress }),
  async runOnce(ctx, fixture, target, repetition) {
    const p = ctx.params.meeting;
    const server = target === 'project' ? await startProjectServer({ dataDir: fixture.dataDir }) : await startReferenceServer();
    try {
      const seats = target === 'project' ? projectSeats(server, fixture, p.clients) : referenceSeats(server, 1, p.clients, `meeting-${repetition}`);
      return await runSteadyLoad(server, seats, { ...p, seed: 1000 + repetition });
    } finally {
      await server.stop();
    }
  },
};
