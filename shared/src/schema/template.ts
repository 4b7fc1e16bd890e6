import * as Y from 'yjs';
import { AGE_BANDS, ROLES, isAgeBand, isRole, type AgeBand, type Role } from '../permissions/roles';
import { DOC_KINDS, type DocKind } from './docNames';
import { InvalidData } from './invalid';
import { SCHEMA_VERSION, proseSections, writeSchemaVersion } from './planSchema';
import { appendParagraphs } from './proseText';

/** Text per section of one doc kind: section key → paragraphs. */
export type DocText = Readonly<Record<string, readonly string[]>>;

/** A plan template (data in `templates/`): the starting text of each doc kind. */
export interface PlanTemplate {
  id: string;
  schemaVersion: number;
  naam: string;
  docs: Readonly<Partial<Record<DocKind, DocText>>>;
}

/** A filled example plan (the demo): a template, a title, members and their text. */
export interface PlanSeed {
  template: string;
  titel: string;
  leden: readonly { role: Role; name: string; ageBand?: AgeBand; eigen?: DocText }[];
  docs: Readonly<Partial<Record<Exclude<DocKind, 'eigen'>, DocText>>>;
}

/** Checks a template read from JSON; throws `InvalidData` naming the first wrong field. */
export function validateTemplate(data: unknown): PlanTemplate {
  const obj = record(data, '');
  const id = str(obj.id, 'id');
  if (obj.schemaVersion !== SCHEMA_VERSION) {
    throw new InvalidData('schemaVersion', `expected ${SCHEMA_VERSION}, got ${JSON.stringify(obj.schemaVersion)}`);
  }
  const naam = str(obj.naam, 'naam');
  const docs = record(obj.docs, 'docs');
  const out: Partial<Record<DocKind, DocText>> = {};
  for (const [kind, text] of Object.entries(docs)) {
    if (!(DOC_KINDS as readonly string[]).includes(kind)) throw new InvalidData(`docs.${kind}`, 'unknown doc kind');
    out[kind as DocKind] = docText(text, kind as DocKind, `docs.${kind}`);
  }
  return { id, schemaVersion: SCHEMA_VERSION, naam, docs: out };
}

/** Checks a plan seed read from JSON; throws `InvalidData` naming the first wrong field. */
export function validateSeed(data: unknown): PlanSeed {
  const obj = record(data, '');
  const template = str(obj.template, 'template');
  const titel = str(obj.titel, 'titel');
  if (!Array.isArray(obj.leden) || obj.leden.length === 0) throw new InvalidData('leden', 'expected a non-empty list');
  const leden = obj.leden.map((raw: unknown, i: number) => {
    const path = `leden[${i}]`;
    const m = record(raw, path);
    if (!isRole(m.role)) throw new InvalidData(`${path}.role`, `expected one of ${ROLES.join(', ')}`);
    const name = str(m.name, `${path}.name`);
    if (m.ageBand !== undefined && !isAgeBand(m.ageBand)) {
      throw new InvalidData(`${path}.ageBand`, `expected one of ${AGE_BANDS.join(', ')}`);
    }
    const eigen = m.eigen === undefined ? undefined : docText(m.eigen, 'eigen', `${path}.eigen`);
    return { role: m.role, name, ...(isAgeBand(m.ageBand) ? { ageBand: m.ageBand } : {}), ...(eigen ? { eigen } : {}) };
  });
  const docsIn = obj.docs === undefined ? {} : record(obj.docs, 'docs');
  const docs: Partial<Record<'gezamenlijk' | 'professioneel', DocText>> = {};
  for (const [kind, text] of Object.entries(docsIn)) {
    if (kind !== 'gezamenlijk' && kind !== 'professioneel') throw new InvalidData(`docs.${kind}`, 'unknown doc kind');
    docs[kind] = docText(text, kind, `docs.${kind}`);
  }
  return { template, titel, leden, docs };
}

/**
 * Fills a new, empty doc from the template, with the seed's text taking the place of the template's
 * section by section. Writes the schema version.
 */
export function fillDoc(doc: Y.Doc, kind: DocKind, template: PlanTemplate, seedText?: DocText): void {
  doc.transact(() => {
    writeSchemaVersion(doc);
    for (const section of proseSections(kind)) {
      const paragraphs = seedText?.[section.key] ?? template.docs[kind]?.[section.key] ?? [];
      appendParagraphs(doc.getXmlFragment(section.key), paragraphs);
    }
  });
}

function docText(data: unknown, kind: DocKind, path: string): DocText {
  const obj = record(data, path);
  const known = new Set(proseSections(kind).map((s) => s.key));
  const out: Record<string, readonly string[]> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (!known.has(key)) throw new InvalidData(`${path}.${key}`, `unknown section for ${kind}`);
    if (!Array.isArray(value)) throw new InvalidData(`${path}.${key}`, 'expected a list of paragraphs');
    out[key] = value.map((p: unknown, i: number) => str(p, `${path}.${key}[${i}]`, true));
  }
  return out;
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidData(path || '(root)', 'expected an object');
  }
  return value as Record<string, unknown>;
}

function str(value: unknown, path: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) throw new InvalidData(path, 'expected text');
  return value;
}
