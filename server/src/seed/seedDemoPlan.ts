import { invitationUrl, createInvitation } from '../auth/invitations';
import type { Config } from '../config';
import type { Logger } from '../log';
import { createPlanFromSeed } from '../plans/createPlan';
import type { PlanTemplateV2 } from '../../../shared/src/schema/templateV2';
import { loadSeed } from '../plans/templateCatalog';
import { DEMO_SEED_FILE } from '../repoPaths';
import type { Store } from '../storage/Store';

/** One demo invitation, as written to `DATA_DIR/demo-invitations.json` (DESIGN.md §7). */
export interface DemoInvitation {
  role: string;
  name: string;
  token: string;
  url: string;
}

/**
 * On a first start with an empty store, creates the demo plan (a fictional family, one member per role)
 * and one invitation per member. Returns the invitations with their tokens, or undefined when the store
 * already held a plan. The caller writes the file once the port is known.
 */
export async function seedDemoPlan(
  store: Store,
  templates: ReadonlyMap<string, PlanTemplateV2>,
  config: Config,
  log: Logger,
): Promise<Omit<DemoInvitation, 'url'>[] | undefined> {
  if (store.meta.listPlans().length > 0) return undefined;
  const seed = await loadSeed(DEMO_SEED_FILE);
  const template = templates.get(seed.template);
  if (!template) throw new Error(`demo seed names unknown template ${seed.template}`);
  const now = new Date();
  const { plan, members } = await createPlanFromSeed(store, template, seed, now);
  const invitations = [];
  for (const member of members) {
    const token = await createInvitation(store.meta, member, now, config.invitationTtlDays);
    invitations.push({ role: member.role, name: member.name, token });
  }
  log.info('demo.seeded', { planId: plan.planId, members: members.length });
  return invitations;
}

/** Adds the link to each demo invitation, for the origin the server listens on. */
export function withUrls(invitations: Omit<DemoInvitation, 'url'>[], origin: string): DemoInvitation[] {
  return invitations.map((i) => ({ ...i, url: invitationUrl(origin, i.token) }));
}
