import type * as Y from 'yjs';
import type { DocKind } from './docNames';
import { readSchemaVersion, writeSchemaVersion } from './planSchema';

/** The schema version of the structured plan (issue #5). New docs are filled at this version by `fillDocV2`. */
export const LATEST_SCHEMA_VERSION = 2;

/** A doc written by a newer version of Gezinsplan; an older one must not touch it. */
export class SchemaTooNew extends Error {
  readonly code = 'schema_too_new';
  constructor(readonly version: number) {
    super(`schema version ${version} is newer than ${LATEST_SCHEMA_VERSION}`);
    this.name = 'SchemaTooNew';
  }
}

/** One step from a version to the next. Steps must be idempotent: two replicas may run the same step. */
interface Migration {
  readonly from: number;
  readonly to: number;
  run(doc: Y.Doc, kind: DocKind): void;
}

/**
 * v1 → v2. Version 1 held prose only (`wieZijnDeMensen`, `watGaatGoed`, `zorgen`, `doelenEnActies`;
 * `taxatie`, `notities`; `zoZieIkHet`). A root's Yjs type can never change, so v2 keeps those roots as they
 * are — each becomes the free-text note of its block (`PROSE_V2`) — and puts its lists under new roots that
 * start empty. Nothing is moved, so no text can be lost and two replicas migrating at once agree.
 */
const v1ToV2: Migration = {
  from: 1,
  to: 2,
  run(doc) {
    writeSchemaVersion(doc, 2);
  },
};

const MIGRATIONS: readonly Migration[] = [v1ToV2];

/** True when `migrateDoc` would change this doc. */
export function needsMigration(doc: Y.Doc): boolean {
  const version = readSchemaVersion(doc);
  return version > 0 && version < LATEST_SCHEMA_VERSION;
}

/**
 * Brings a doc to `LATEST_SCHEMA_VERSION`, step by step, in one transaction. Run it where the doc is
 * authoritative (the server, after loading and before serving); a client that has not synced yet would
 * see version 0. A doc without a version (0: never filled) is left alone; a newer one throws `SchemaTooNew`.
 *
 * @example const { from, to } = migrateDoc(room.doc, 'gezamenlijk'); if (from !== to) log.info('doc.migrated', { from, to })
 */
export function migrateDoc(doc: Y.Doc, kind: DocKind): { from: number; to: number } {
  const from = readSchemaVersion(doc);
  if (from > LATEST_SCHEMA_VERSION) throw new SchemaTooNew(from);
  if (from === 0 || from === LATEST_SCHEMA_VERSION) return { from, to: from };
  let version = from;
  doc.transact(() => {
    for (const step of MIGRATIONS) {
      if (step.from !== version) continue;
      step.run(doc, kind);
      version = step.to;
    }
  });
  return { from, to: version };
}
