import * as Y from 'yjs';
import { newId } from '../../../shared/src/ids';
import type { Role } from '../../../shared/src/permissions/roles';
import { eigenDocName, GEZAMENLIJK, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { fillDocV2, type FillContext } from '../../../shared/src/schema/fillDocV2';
import type { Author } from '../../../shared/src/schema/items';
import type { DocContentV2, PlanSeedV2, PlanTemplateV2, SeedMemberV2 } from '../../../shared/src/schema/templateV2';
import { readSchemaVersion } from '../../../shared/src/schema/planSchema';
import type { MemberRecord, PlanRecord } from '../storage/records';
import type { Store } from '../storage/Store';

/** A new plan's first members, as the seed or the plan maker names them. */
type NewMember = Pick<SeedMemberV2, 'role' | 'name' | 'ageBand'> & { readonly ref?: string; readonly eigen?: DocContentV2 };

/**
 * Creates a plan from a seed (the demo family): the template's blocks with the seed's members and content.
 * The first member of role jeugdbeschermer is the plan's maker, stamped on items without their own author.
 */
export function createPlanFromSeed(store: Store, template: PlanTemplateV2, seed: PlanSeedV2, now: Date) {
  return createPlan(store, template, { titel: seed.titel, leden: seed.leden, docs: seed.docs }, now);
}

/**
 * Creates an empty plan from a template for one jeugdbeschermer (`POST /api/plans`): the template's
 * starting content, with the maker as the only member.
 */
export function createPlanFromTemplate(store: Store, template: PlanTemplateV2, titel: string, maker: { role: Role; name: string }, now: Date) {
  return createPlan(store, template, { titel, leden: [{ role: maker.role, name: maker.name }], docs: {} }, now);
}

/**
 * Writes every doc durably first and the plan's metadata last, so a crash in between leaves no plan with
 * missing docs (the half-written docs belong to no plan and are never served).
 */
async function createPlan(
  store: Store,
  template: PlanTemplateV2,
  content: { titel: string; leden: readonly NewMember[]; docs: PlanSeedV2['docs'] },
  now: Date,
): Promise<{ plan: PlanRecord; members: MemberRecord[] }> {
  const planId = newId();
  const at = now.toISOString();
  const plan: PlanRecord = { planId, titel: content.titel, templateId: template.id, createdAt: at };
  const members: MemberRecord[] = content.leden.map((m) => ({
    memberId: newId(),
    planId,
    role: m.role,
    name: m.name,
    ...(m.ageBand ? { ageBand: m.ageBand } : {}),
    createdAt: at,
  }));
  const authors = new Map<string, Omit<Author, 'at'>>();
  content.leden.forEach((m, i) => {
    const member = members[i] as MemberRecord;
    if (m.ref !== undefined) authors.set(m.ref, { memberId: member.memberId, role: member.role, name: member.name });
  });
  const maker = members.find((m) => m.role === 'jeugdbeschermer') ?? (members[0] as MemberRecord);
  // One ref book for all docs of the plan, so a dispute in an own doc finds the worry it is about.
  const ctx: FillContext = { author: { memberId: maker.memberId, role: maker.role, name: maker.name }, now, members: authors, ids: new Map() };
  await writeDoc(store, planId, GEZAMENLIJK, (doc) => fillDocV2(doc, 'gezamenlijk', template, content.docs.gezamenlijk, ctx));
  await writeDoc(store, planId, PROFESSIONEEL, (doc) => fillDocV2(doc, 'professioneel', template, content.docs.professioneel, ctx));
  for (const [i, member] of members.entries()) {
    const own = { ...ctx, author: { memberId: member.memberId, role: member.role, name: member.name } };
    await writeDoc(store, planId, eigenDocName(member.memberId), (doc) => fillDocV2(doc, 'eigen', template, content.leden[i]?.eigen, own));
  }
  await store.meta.createPlan(plan, members);
  return { plan, members };
}

async function writeDoc(store: Store, planId: string, docName: string, fill: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  fill(doc);
  await store.docs.append(planId, docName, Y.encodeStateAsUpdate(doc));
  doc.destroy();
}

/**
 * Fills a newly invited member's own doc from the plan's template ("Zo zie ik het" and the rest of the own
 * doc's starting text), in the doc itself, so it is there when they first open the plan. A doc that already
 * holds content (written before this ran) is left as it is.
 */
export function fillNewOwnDoc(doc: Y.Doc, template: PlanTemplateV2, member: MemberRecord, now: Date): void {
  if (readSchemaVersion(doc) !== 0) return;
  fillDocV2(doc, 'eigen', template, undefined, { author: { memberId: member.memberId, role: member.role, name: member.name }, now });
}
