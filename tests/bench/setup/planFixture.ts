import { mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DemoInvitation } from '../../../server/src/seed/seedDemoPlan';
import { acceptInvitation } from '../../helpers/signIn';
import type { BenchServer } from '../servers/benchServer';
import { startProjectServer } from '../servers/projectServer';

/** One plan made for the bench and the session cookies of its simulated members. */
export interface PlanFixture {
  planId: string;
  /** One Cookie header per member (a hulpverlener: a writer of `gezamenlijk`). */
  cookies: string[];
}

/** The plans of one scenario's data dir. Sessions live in the data dir, so the cookies work on every later start. */
export interface ProjectFixture {
  dataDir: string;
  plans: PlanFixture[];
}

/** The template every bench plan is made from: the one of the demo plan. */
const TEMPLATE_ID = 'gezinsplan-jeugdbescherming';
/** Requests in flight at once: the metadata store merges concurrent writes into one fsync'd file write. */
const CONCURRENCY = 40;

/**
 * Makes the plans and members of a scenario through the real HTTP API, as people would (issue 10): on a
 * first start with `DEMO=1` the demo jeugdbeschermer signs in (`DATA_DIR/demo-invitations.json`), makes
 * `plans` plans (`POST /api/plans`) and signs in to each through its invitation; as that plan's
 * jeugdbeschermer they invite `membersPerPlan` hulpverleners (`POST /api/plans/<planId>/invitations`), and
 * each accepts (`POST /api/invitations/<token>/accept`).
 */
export async function createProjectFixture(
  server: BenchServer,
  dataDir: string,
  options: { plans: number; membersPerPlan: number; progress?: (message: string) => void },
): Promise<ProjectFixture> {
  const invitations = JSON.parse(await readFile(path.join(dataDir, 'demo-invitations.json'), 'utf8')) as DemoInvitation[];
  const demoLead = invitations.find((i) => i.role === 'jeugdbeschermer');
  if (!demoLead) throw new Error('the demo plan has no jeugdbeschermer invitation');
  const lead = await acceptInvitation(server.base, demoLead.token);
  const plans: PlanFixture[] = [];
  const started = performance.now();
  for (let i = 0; i < options.plans; i += CONCURRENCY) {
    const count = Math.min(CONCURRENCY, options.plans - i);
    const made = await Promise.all(Array.from({ length: count }, (_, k) => createPlan(server.base, lead.cookie, i + k, options.membersPerPlan)));
    plans.push(...made);
    if (performance.now() - started > 5000 || plans.length === options.plans) options.progress?.(`${plans.length}/${options.plans} plans made`);
  }
  return { dataDir, plans };
}

async function createPlan(base: string, leadCookie: string, index: number, members: number): Promise<PlanFixture> {
  const made = await postJson<{ planId: string; token: string }>(base, '/api/plans', leadCookie, { templateId: TEMPLATE_ID, titel: `Benchplan ${index + 1}` });
  const planLead = await acceptInvitation(base, made.token);
  const cookies: string[] = [];
  for (let m = 0; m < members; m += 1) {
    const invited = await postJson<{ token: string }>(base, `/api/plans/${made.planId}/invitations`, planLead.cookie, { role: 'hulpverlener', name: `Hulpverlener ${m + 1}` });
    cookies.push((await acceptInvitation(base, invited.token)).cookie);
  }
  return { planId: made.planId, cookies };
}

async function postJson<T>(base: string, route: string, cookie: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify(body),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`POST ${route.replace(/[A-Za-z0-9_-]{16,}/g, '<id>')}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A fresh data dir under the run's temp root with the scenario's plans: the project's server is started on it
 * once for the setup (seeding the demo plan, whose jeugdbeschermer makes the plans), `fill` may add content
 * through it, and it is stopped again (gracefully: rooms unload and compact), so every measured run starts
 * from the same stored state.
 */
export async function prepareFixture(
  tempRoot: string,
  name: string,
  options: {
    plans: number;
    membersPerPlan: number;
    progress?: (message: string) => void;
    fill?: (server: BenchServer, fixture: ProjectFixture) => Promise<void>;
  },
): Promise<ProjectFixture> {
  const dataDir = await mkdtemp(path.join(tempRoot, `${name}-`));
  const server = await startProjectServer({ dataDir, demo: true });
  try {
    const fixture = await createProjectFixture(server, dataDir, options);
    await options.fill?.(server, fixture);
    return fixture;
  } finally {
    await server.stop();
  }
}
