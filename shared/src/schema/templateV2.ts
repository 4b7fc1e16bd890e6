import { AGE_BANDS, ROLES, isAgeBand, isRole, type AgeBand, type Role } from '../permissions/roles';
import { isBlockKey, type BlockKey } from './blockCatalog';
import { DOC_KINDS, type DocKind } from './docNames';
import { isRecord } from './guards';
import { InvalidData } from './invalid';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { newRefBook, parseDocContent, type DocContentV2, type RefBook } from './templateContent';

export type { DocContentV2, TemplateItem } from './templateContent';

/**
 * A v2 plan template (data in `templates/v2/`): which blocks the plan shows in which order, and the starting
 * content of each doc kind.
 */
export interface PlanTemplateV2 {
  readonly id: string;
  readonly schemaVersion: typeof LATEST_SCHEMA_VERSION;
  readonly naam: string;
  readonly beschrijving: string;
  readonly blokken: readonly BlockKey[];
  readonly docs: Readonly<Partial<Record<DocKind, DocContentV2>>>;
}

/** A member of a v2 seed; `ref` lets items name them (`"door"`, `"wie": { "kind": "lid", "memberId": <ref> }`). */
export interface SeedMemberV2 {
  readonly ref: string;
  readonly role: Role;
  readonly name: string;
  readonly ageBand?: AgeBand;
  readonly eigen?: DocContentV2;
}

/** A filled example plan of schema v2 (the demo family). */
export interface PlanSeedV2 {
  readonly template: string;
  readonly titel: string;
  readonly leden: readonly SeedMemberV2[];
  readonly docs: Readonly<Partial<Record<'gezamenlijk' | 'professioneel', DocContentV2>>>;
}

/**
 * Checks a v2 template read from JSON; throws `InvalidData` whose `field` names the first wrong field as a
 * path, e.g. `docs.gezamenlijk.lijsten.goedGenoeg[2].status`.
 */
export function validateTemplateV2(data: unknown): PlanTemplateV2 {
  const obj = objectAt(data, '');
  const id = text(obj.id, 'id');
  if (obj.schemaVersion !== LATEST_SCHEMA_VERSION) {
    throw new InvalidData('schemaVersion', `expected ${LATEST_SCHEMA_VERSION}, got ${JSON.stringify(obj.schemaVersion)}`);
  }
  const naam = text(obj.naam, 'naam');
  const beschrijving = obj.beschrijving === undefined ? '' : text(obj.beschrijving, 'beschrijving');
  const blokken = blockList(obj.blokken);
  const refs = newRefBook();
  const docs: Partial<Record<DocKind, DocContentV2>> = {};
  for (const [kind, raw] of Object.entries(objectAt(obj.docs, 'docs'))) {
    if (!(DOC_KINDS as readonly string[]).includes(kind)) throw new InvalidData(`docs.${kind}`, 'unknown doc kind');
    docs[kind as DocKind] = parseDocContent(kind as DocKind, raw, `docs.${kind}`, refs);
  }
  checkRefs(refs, new Set());
  return { id, schemaVersion: LATEST_SCHEMA_VERSION, naam, beschrijving, blokken, docs };
}

/** Checks a v2 seed read from JSON; throws `InvalidData` naming the first wrong field. */
export function validateSeedV2(data: unknown): PlanSeedV2 {
  const obj = objectAt(data, '');
  const template = text(obj.template, 'template');
  const titel = text(obj.titel, 'titel');
  if (!Array.isArray(obj.leden) || obj.leden.length === 0) throw new InvalidData('leden', 'expected a non-empty list');
  const refs = newRefBook();
  const memberRefs = new Set<string>();
  const leden = obj.leden.map((raw: unknown, i: number) => {
    const path = `leden[${i}]`;
    const m = objectAt(raw, path);
    const ref = text(m.ref, `${path}.ref`);
    if (memberRefs.has(ref)) throw new InvalidData(`${path}.ref`, `ref ${ref} is already used`);
    memberRefs.add(ref);
    if (!isRole(m.role)) throw new InvalidData(`${path}.role`, `expected one of ${ROLES.join(', ')}`);
    const name = text(m.name, `${path}.name`);
    if (m.ageBand !== undefined && !isAgeBand(m.ageBand)) throw new InvalidData(`${path}.ageBand`, `expected one of ${AGE_BANDS.join(', ')}`);
    const eigen = m.eigen === undefined ? undefined : parseDocContent('eigen', m.eigen, `${path}.eigen`, refs);
    return { ref, role: m.role, name, ...(isAgeBand(m.ageBand) ? { ageBand: m.ageBand } : {}), ...(eigen ? { eigen } : {}) };
  });
  const docs: Partial<Record<'gezamenlijk' | 'professioneel', DocContentV2>> = {};
  for (const [kind, raw] of Object.entries(obj.docs === undefined ? {} : objectAt(obj.docs, 'docs'))) {
    if (kind !== 'gezamenlijk' && kind !== 'professioneel') throw new InvalidData(`docs.${kind}`, 'unknown doc kind');
    docs[kind] = parseDocContent(kind, raw, `docs.${kind}`, refs);
  }
  for (const ref of memberRefs) {
    if (refs.defined.has(ref)) throw new InvalidData(refs.defined.get(ref) ?? ref, `ref ${ref} is also a member's ref`);
  }
  checkRefs(refs, memberRefs);
  return { template, titel, leden, docs };
}

/** Every ref used must be defined: an item's `ref`, or (in a seed) a member's. */
function checkRefs(refs: RefBook, memberRefs: ReadonlySet<string>): void {
  for (const { ref, path } of refs.used) {
    if (!refs.defined.has(ref) && !memberRefs.has(ref)) throw new InvalidData(path, `unknown ref ${ref}`);
  }
  for (const { ref, path } of refs.usedMembers) {
    if (!memberRefs.has(ref)) throw new InvalidData(path, `unknown member ref ${ref}`);
  }
}

function blockList(value: unknown): BlockKey[] {
  if (!Array.isArray(value) || value.length === 0) throw new InvalidData('blokken', 'expected a non-empty list of blocks');
  const seen = new Set<string>();
  return value.map((b: unknown, i: number) => {
    if (!isBlockKey(b)) throw new InvalidData(`blokken[${i}]`, `unknown block ${JSON.stringify(b)}`);
    if (seen.has(b)) throw new InvalidData(`blokken[${i}]`, `block ${b} appears twice`);
    seen.add(b);
    return b;
  });
}

function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw new InvalidData(path || '(root)', 'expected an object');
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidData(path, 'expected text');
  return value;
}
