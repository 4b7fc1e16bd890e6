import type { Scenario } from '../scenario';
import { startProjectServer } from '../servers/projectServer';
import { startReferenceServer } from '../servers/referenceServer';
import { prepareFixture, type ProjectFixture } from '../setup/planFixture';
import { projectSeats, referenceSeats } from '../setup/seats';
import { runSteadyLoad, steadyFigures } from './steadyLoad';

/** Issue 10 scenario 2: a whole region at work, 200 plans with 3 people each making 1 edit per second. */
export const busy: Scenario<ProjectFixture> = {
  name: 'busy',
  describe: ({ busy: p }) => `${p.plans} plans × ${p.clientsPerPlan} clients, ${p.perClientPerSecond} edit/s each, ${p.durationMs / 1000} s measured`,
  targets: ['project', 'reference'],
  figures: steadyFigures('busy', 50),
  prepare: (ctx) => prepareFixture(ctx.tempRoot, 'busy', { plans: ctx.params.busy.plans, membersPerPlan: ctx.params.busy.clientsPerPlan, progress: ctx.progress }),
  async runOnce(ctx, fixture, target, repetition) {
    const p = ctx.params.busy;
    const server = target === 'project' ? await startProjectServer({ dataDir: fixture.dataDir }) : await startReferenceServer();
    try {
      const seats = target === 'project' ? projectSeats(server, fixture, p.clientsPerPlan) : referenceSeats(server, p.plans, p.clientsPerPlan, `busy-${repetition}`);
      return await runSteadyLoad(server, seats, { ...p, seed: 2000 + repetition });
    } finally {
      await server.stop();
    }
  },
};
