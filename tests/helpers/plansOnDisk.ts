import { createInvitation } from '../../server/src/auth/invitations';
import { silentLogger } from '../../server/src/log';
import { createPlanFromSeed } from '../../server/src/plans/createPlan';
import { loadSeed, loadTemplates } from '../../server/src/plans/templateCatalog';
import { DEMO_SEED_FILE, TEMPLATES_DIR } from '../../server/src/repoPaths';
import type { EmbeddedStore } from '../../server/src/storage/embedded/openEmbeddedStore';
import { openEmbeddedStore } from '../../server/src/storage/embedded/openEmbeddedStore';

/** A plan made straight in a data dir, with an invitation token for its jeugdbeschermer. */
export interface PlanOnDisk {
  planId: string;
  token: string;
}

/**
 * Makes `count` plans of the demo family in `dataDir` with no server running (the store is closed after), so
 * a test can damage their files before a server starts on them. `after` runs on the open store before it closes.
 */
export async function makePlansOnDisk(dataDir: string, count: number, after?: (store: EmbeddedStore, plans: PlanOnDisk[]) => Promise<void>): Promise<PlanOnDisk[]> {
  const store = await openEmbeddedStore({ dataDir, log: silentLogger() });
  try {
    const template = (await loadTemplates(TEMPLATES_DIR)).get('gezinsplan-jeugdbescherming')!;
    const seed = await loadSeed(DEMO_SEED_FILE);
    const plans: PlanOnDisk[] = [];
    for (let i = 0; i < count; i++) {
      const { plan, members } = await createPlanFromSeed(store, template, seed, new Date());
      const jb = members.find((m) => m.role === 'jeugdbeschermer')!;
      plans.push({ planId: plan.planId, token: await createInvitation(store.meta, jb, new Date(), 14) });
    }
    await after?.(store, plans);
    return plans;
  } finally {
    await store.close();
  }
}
