import * as Y from 'yjs';
import { newId } from '../../../shared/src/ids';
import { eigenDocName, GEZAMENLIJK, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { fillDoc, type PlanSeed, type PlanTemplate } from '../../../shared/src/schema/template';
import type { MemberRecord, PlanRecord } from '../storage/records';
import type { Store } from '../storage/Store';

/**
 * Creates a plan from a template, with a seed's members and text: every doc is written durably first, the
 * plan's metadata last, so a crash in between leaves no plan with missing docs.
 */
export async function createPlanFromSeed(store: Store, template: PlanTemplate, seed: PlanSeed, now: Date) {
  const planId = newId();
  const at = now.toISOString();
  const plan: PlanRecord = { planId, titel: seed.titel, templateId: template.id, createdAt: at };
  const members: MemberRecord[] = seed.leden.map((m) => ({
    memberId: newId(),
    planId,
    role: m.role,
    name: m.name,
    ...(m.ageBand ? { ageBand: m.ageBand } : {}),
    createdAt: at,
  }));
  await writeDoc(store, planId, GEZAMENLIJK, (doc) => fillDoc(doc, 'gezamenlijk', template, seed.docs.gezamenlijk));
  await writeDoc(store, planId, PROFESSIONEEL, (doc) => fillDoc(doc, 'professioneel', template, seed.docs.professioneel));
  for (const [i, member] of members.entries()) {
    await writeDoc(store, planId, eigenDocName(member.memberId), (doc) => fillDoc(doc, 'eigen', template, seed.leden[i]?.eigen));
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
