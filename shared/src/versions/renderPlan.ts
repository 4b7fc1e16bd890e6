import type * as Y from 'yjs';
import type { DocKind } from '../schema/docNames';
import { fragmentToJson } from '../schema/proseJson';
import { proseKeysV2, proseV2 } from '../schema/proseV2';
import { readDocV2 } from '../schema/readDocV2';
import type { DocRendering, FamilieRendering, PlanRenderings, VersionMember } from './versionTypes';

/**
 * Reads one doc into plain data: every list and record through its typed accessor and every prose field
 * as JSON that keeps its formatting.
 *
 * @example renderDoc(doc, 'gezamenlijk').lists.doelen[0]?.titel
 */
export function renderDoc<K extends DocKind>(doc: Y.Doc, kind: K): DocRendering<K> {
  const prose: Record<string, unknown> = {};
  for (const key of proseKeysV2(kind)) prose[key] = fragmentToJson(proseV2(doc, kind, key));
  return { ...readDocV2(doc, kind), prose: prose as DocRendering<K>['prose'] };
}

/** The docs of a plan at one moment, as Y.Docs, with the members whose own docs they are. */
export interface PlanDocs {
  readonly leden: readonly VersionMember[];
  readonly gezamenlijk: Y.Doc;
  readonly professioneel: Y.Doc;
  /** Own docs by member id; a member without one reads as an empty doc. */
  readonly eigen: ReadonlyMap<string, Y.Doc>;
}

/**
 * The renderings of a plan in its two scopes (issue #8): `familie` holds the common plan and every own doc
 * (all members read those, DESIGN.md §4), `professioneel` holds the professionals' doc. Pure over the docs.
 */
export function renderPlan(docs: PlanDocs): PlanRenderings {
  const familie: FamilieRendering = {
    scope: 'familie',
    leden: docs.leden.map((m) => ({ memberId: m.memberId, name: m.name, role: m.role })),
    gezamenlijk: renderDoc(docs.gezamenlijk, 'gezamenlijk'),
    eigen: docs.leden.flatMap((m) => {
      const doc = docs.eigen.get(m.memberId);
      return doc ? [{ memberId: m.memberId, doc: renderDoc(doc, 'eigen') }] : [];
    }),
  };
  return { familie, professioneel: { scope: 'professioneel', professioneel: renderDoc(docs.professioneel, 'professioneel') } };
}
