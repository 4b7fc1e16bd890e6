import type * as Y from 'yjs';
import type { Fields, ValueSpecs } from './fields';
import { InvalidData } from './invalid';
import { isAttribution, stamp, type Attribution, type Author } from './items';

const UPDATED = 'updated';

/** A single-record block as read: its fields, and who last changed one (null while untouched). */
export type RecordValue<S extends ValueSpecs> = Fields<S> & { readonly updated: Attribution | null };

/**
 * Typed access to a block that is one record at a doc's root (the plankop, the gewogen oordeel's who and
 * date). Its fields are plain values only: a nested Y type created lazily by two clients at once would
 * keep only one of them, so records hold none.
 *
 * @example plankop.update(doc, author, { kader: 'ots', status: 'vastgesteld' })
 */
export interface RecordAccessor<S extends ValueSpecs> {
  readonly spec: S;
  read(doc: Y.Doc): RecordValue<S>;
  update(doc: Y.Doc, author: Author, patch: Partial<Fields<S>>): void;
}

/** Any record accessor, for code that walks every record of a doc (whole-doc reads, templates). */
export interface AnyRecordAccessor {
  readonly spec: ValueSpecs;
  read(doc: Y.Doc): { readonly updated: Attribution | null };
  update(doc: Y.Doc, author: Author, patch: Readonly<Record<string, unknown>>): void;
}

/** Defines the accessor of a record stored as a Y.Map at root `root`. */
export function rootRecord<S extends ValueSpecs>(root: string, spec: S): RecordAccessor<S> {
  if (UPDATED in spec) throw new Error(`${root}: field name ${UPDATED} is reserved`);
  return {
    spec,
    read: (doc) => {
      const map = doc.getMap<unknown>(root);
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(spec)) {
        const raw = map.get(name);
        out[name] = field.check(raw) ? raw : field.fallback;
      }
      const updated = map.get(UPDATED);
      out[UPDATED] = isAttribution(updated) ? updated : null;
      return out as RecordValue<S>;
    },
    update: (doc, author, patch) => {
      doc.transact(() => {
        const map = doc.getMap<unknown>(root);
        let changed = false;
        for (const [name, value] of Object.entries(patch as Record<string, unknown>)) {
          if (value === undefined) continue;
          const field = spec[name];
          if (!field) throw new InvalidData(name, 'no such field to update');
          if (!field.check(value)) throw new InvalidData(name, `value ${JSON.stringify(value)} does not fit this field`);
          if (JSON.stringify(map.get(name)) === JSON.stringify(value)) continue;
          map.set(name, value);
          changed = true;
        }
        if (changed) map.set(UPDATED, stamp(author));
      });
    },
  };
}
