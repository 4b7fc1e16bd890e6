import * as Y from 'yjs';
import { newId } from '../ids';
import { writeBlockOrder } from './blockCatalog';
import type { DocKind } from './docNames';
import type { FieldSpec, FieldSpecs, ItemInput } from './fields';
import { insertItem, type Author } from './items';
import { findItemMap } from './lists';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { todayIn } from './overdue';
import { writeSchemaVersion } from './planSchema';
import { proseKeysV2, proseV2 } from './proseV2';
import { appendParagraphs } from './proseText';
import { listsOf, recordsOf } from './registryV2';
import { relativeDate, resolveDates, type DocContentV2, type TemplateItem } from './templateContent';
import type { PlanTemplateV2 } from './templateV2';

/** How to fill: who makes the plan, when, and the seed's members and refs. */
export interface FillContext {
  /** Who makes the plan; stamped on every item without its own `door`. */
  readonly author: Author;
  /** "Now", for stamps and relative dates; default: the real now. */
  readonly now?: Date;
  /** The seed's members by ref, once the server has given them ids. */
  readonly members?: ReadonlyMap<string, Omit<Author, 'at'>>;
  /** Ref → id; pass one map to all docs of a plan, so a dispute in an own doc finds its worry. */
  readonly ids?: Map<string, string>;
}

/** The stamp of items a template brings when no plan maker is given (tests, previews). */
export const TEMPLATE_AUTHOR: Author = { memberId: 'sjabloon', role: 'jeugdbeschermer', name: 'Sjabloon' };

/**
 * Fills a new, empty doc at schema version 2 from a template, with the seed's content taking the place of
 * the template's prose field by prose field and list by list (record fields merge). Writes the schema
 * version and, for `gezamenlijk`, the template's block order. One transaction.
 *
 * @example
 *   const ids = new Map<string, string>();
 *   fillDocV2(doc, 'gezamenlijk', template, seed.docs.gezamenlijk, { author: sanne, members, ids });
 *   fillDocV2(eigenDoc, 'eigen', template, seed.leden[4].eigen, { author: lisa, members, ids });
 */
export function fillDocV2(doc: Y.Doc, kind: DocKind, template: PlanTemplateV2, seed?: DocContentV2, ctx: FillContext = { author: TEMPLATE_AUTHOR }): void {
  const filler = new Filler(ctx);
  const base = template.docs[kind];
  doc.transact(() => {
    writeSchemaVersion(doc, LATEST_SCHEMA_VERSION);
    if (kind === 'gezamenlijk') writeBlockOrder(doc, template.blokken);
    for (const key of proseKeysV2(kind)) {
      const paragraphs = seed?.prose[key] ?? base?.prose[key];
      if (paragraphs) appendParagraphs(proseV2(doc, kind, key), paragraphs);
    }
    for (const [key, record] of Object.entries(recordsOf(kind))) {
      const raw = { ...base?.records[key], ...seed?.records[key] };
      if (Object.keys(raw).length > 0) record.update(doc, filler.author(null, null), filler.values(record.spec, raw));
    }
    for (const [key, list] of Object.entries(listsOf(kind))) {
      for (const item of seed?.lists[key] ?? base?.lists[key] ?? []) {
        const id = list.add(doc, filler.author(item.door, item.op), filler.values(list.spec, item.values), filler.idOption(item));
        const map = findItemMap(list, doc, id);
        if (map) filler.nested(map, list.spec, item);
      }
    }
  });
}

/** Resolves refs, relative dates and authors for one fill. */
class Filler {
  private readonly now: Date;
  private readonly today: string;
  private readonly ids: Map<string, string>;

  constructor(private readonly ctx: FillContext) {
    this.now = ctx.now ?? new Date();
    this.today = todayIn(this.now);
    this.ids = ctx.ids ?? new Map();
  }

  ref(ref: string): string {
    const member = this.ctx.members?.get(ref);
    if (member) return member.memberId;
    let id = this.ids.get(ref);
    if (id === undefined) {
      id = newId();
      this.ids.set(ref, id);
    }
    return id;
  }

  idOption(item: TemplateItem): { id?: string } {
    return item.ref === null ? {} : { id: this.ref(item.ref) };
  }

  author(door: string | null, op: string | null): Author {
    const who = (door !== null && this.ctx.members?.get(door)) || this.ctx.author;
    const day = op === null ? null : (relativeDate(op, this.today) ?? op);
    return { ...who, at: day === null ? this.now.toISOString() : `${day}T09:00:00.000Z` };
  }

  /** The values of a template item, ready to write; the spec checked them when the template was read. */
  values(spec: FieldSpecs, raw: Readonly<Record<string, unknown>>): ItemInput<FieldSpecs> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw)) out[name] = this.value(spec[name], value);
    return out as ItemInput<FieldSpecs>;
  }

  private value(field: FieldSpec | undefined, raw: unknown): unknown {
    if (field?.kind !== 'value') return raw;
    const value = resolveDates(raw, this.today);
    return field.mapIds ? field.mapIds(value, (ref) => this.ref(ref)) : value;
  }

  /** Nested lists get their items one by one, so each keeps its own ref, author and date. */
  nested(map: Y.Map<unknown>, spec: FieldSpecs, item: TemplateItem): void {
    for (const [name, items] of Object.entries(item.lists)) {
      const field = spec[name];
      const container = map.get(name);
      if (field?.kind !== 'list' || !(container instanceof Y.Array)) continue;
      items.forEach((sub, i) => {
        const input = this.values(field.item, sub.values);
        insertItem(container as Y.Array<Y.Map<unknown>>, field.item, input, this.author(sub.door, sub.op), i + 1, this.idOption(sub).id);
        // insertItem appends, so the new item's map is the last one.
        this.nested(container.get(container.length - 1) as Y.Map<unknown>, field.item, sub);
      });
    }
  }
}
