import { join } from 'node:path';
import { errnoCode, replaceFileDurably } from './durableFs';
import type { FileOps } from './fileOps';
import type { QuarantineCause } from './quarantine';

/** What a doc's directory holds for it. */
export interface DocFileListing {
  /** Generations found, as numbers (`<docName>.<generation>.log`). */
  generations: number[];
  /** Generations that have an index file beside them (`<docName>.<generation>.index`). */
  indexes: number[];
  /** Leftover temp files of an interrupted compaction, index or pointer write. */
  temps: string[];
  /** The generation the pointer names; undefined when there is no pointer, 'unreadable' when it is damaged. */
  pointer: number | 'unreadable' | undefined;
  /** A quarantine marker is present: the doc is refused until an operator restores it. */
  quarantined: boolean;
}

const LOG_FILE = /^([A-Za-z0-9_-]+)\.(\d+)\.log(\.tmp)?$/;
const INDEX_FILE = /^([A-Za-z0-9_-]+)\.(\d+)\.index(\.tmp)?$/;
const POINTER_FILE = /^([A-Za-z0-9_-]+)\.generation(\.tmp)?$/;
const MARKER_FILE = /^([A-Za-z0-9_-]+)\.quarantined(\.tmp)?$/;

/**
 * The names of one doc's files in its plan directory (`plans/<planId>/`), and the small pointer file:
 *
 * - `<docName>.<generation>.log`: the update log; compaction writes generation n+1 holding the whole state.
 * - `<docName>.generation`: the number of the newest generation, written durably whenever a generation is
 *   made. Without it, a deleted compacted generation would leave the older one looking whole, and the doc
 *   would load silently without everything compacted into the deleted one (issue #9: "a deleted snapshot
 *   with the log kept").
 * - `<docName>.quarantined`: the marker left when the doc's files were moved aside (`quarantine.ts`).
 * - `<docName>.<generation>.index`: the caller's index of a compacted generation's state
 *   (`compactionIndexFile.ts`). A cache: it never names a doc, never decides a generation and is never
 *   quarantined; one beside no current generation is stale.
 */
export class DocLogFiles {
  constructor(
    readonly planDir: string,
    readonly docName: string,
    private readonly fs: FileOps,
  ) {}

  logName(generation: number): string {
    return `${this.docName}.${generation}.log`;
  }

  logPath(generation: number): string {
    return join(this.planDir, this.logName(generation));
  }

  indexName(generation: number): string {
    return `${this.docName}.${generation}.index`;
  }

  indexPath(generation: number): string {
    return join(this.planDir, this.indexName(generation));
  }

  get pointerName(): string {
    return `${this.docName}.generation`;
  }

  get markerPath(): string {
    return join(this.planDir, `${this.docName}.quarantined`);
  }

  async list(): Promise<DocFileListing> {
    const names = await this.fs.readdir(this.planDir).catch((error: unknown) => {
      if (errnoCode(error) === 'ENOENT') return [] as string[];
      throw error;
    });
    const listing: DocFileListing = { generations: [], indexes: [], temps: [], pointer: undefined, quarantined: false };
    for (const name of names) {
      const log = LOG_FILE.exec(name);
      const index = INDEX_FILE.exec(name);
      const pointer = POINTER_FILE.exec(name);
      if (log?.[1] === this.docName) {
        if (log[3]) listing.temps.push(name);
        else listing.generations.push(Number(log[2]));
      } else if (index?.[1] === this.docName) {
        if (index[3]) listing.temps.push(name);
        else listing.indexes.push(Number(index[2]));
      } else if (pointer?.[1] === this.docName) {
        if (pointer[2]) listing.temps.push(name);
        else listing.pointer = await this.readPointer();
      } else if (MARKER_FILE.exec(name)?.[1] === this.docName) {
        // A marker's temp file is a quarantine a crash interrupted before anything was moved: not a marker.
        if (name.endsWith('.tmp')) listing.temps.push(name);
        else listing.quarantined = true;
      }
    }
    return listing;
  }

  /** Durably records `generation` as the newest. */
  async writePointer(generation: number): Promise<void> {
    const path = join(this.planDir, this.pointerName);
    await replaceFileDurably(path, `${path}.tmp`, `${JSON.stringify({ generation })}\n`, this.fs);
  }

  private async readPointer(): Promise<number | 'unreadable'> {
    const raw = (await this.fs.readFile(join(this.planDir, this.pointerName))).toString('utf8');
    try {
      const generation = (JSON.parse(raw) as { generation?: unknown }).generation;
      return typeof generation === 'number' && Number.isSafeInteger(generation) && generation >= 0 ? generation : 'unreadable';
    } catch {
      return 'unreadable';
    }
  }
}

/** The doc names that have files in a plan directory (logs, pointers or quarantine markers; an index file alone is none). */
export function docNamesIn(names: readonly string[]): string[] {
  const docs = new Set<string>();
  for (const name of names) {
    const docName = LOG_FILE.exec(name)?.[1] ?? POINTER_FILE.exec(name)?.[1] ?? MARKER_FILE.exec(name)?.[1];
    if (docName !== undefined) docs.add(docName);
  }
  return [...docs];
}

/** What to do with a doc's files, judged from its listing. */
export type GenerationVerdict =
  | { kind: 'new'; stale: string[] }
  | { kind: 'use'; generation: number; stale: string[]; writePointer: boolean }
  | { kind: 'quarantine'; files: string[]; cause: QuarantineCause };

/**
 * Picks the generation to use, or says the doc must be quarantined. Pure.
 *
 * - No pointer and no log: a doc never written.
 * - The pointer names a generation that is gone while an older one is kept (a deleted snapshot with the log
 *   kept), or no log is left at all: quarantine; loading the older one would silently lose what was
 *   compacted into the newer one.
 * - No pointer (a store from before it existed, a crash right after the first generation), or a newer
 *   generation than the pointer names (a crash between a compaction's rename and its pointer write): the
 *   newest file is whole, since it is renamed into place only after its fsync; use it and write the pointer.
 * - Temp files, older generations and index files of any generation but the one used are stale leftovers of
 *   a crash mid-compaction.
 */
export function judgeGenerations(listing: DocFileListing, files: Pick<DocLogFiles, 'logName' | 'indexName' | 'pointerName'>): GenerationVerdict {
  const { generations, pointer, temps } = listing;
  const names = (list: readonly number[]) => list.map((g) => files.logName(g));
  const indexesBut = (keep: number | undefined) => listing.indexes.filter((g) => g !== keep).map((g) => files.indexName(g));
  const newest = generations.length > 0 ? Math.max(...generations) : undefined;
  if (pointer === 'unreadable') return { kind: 'quarantine', files: [...names(generations), files.pointerName], cause: 'pointer_unreadable' };
  if (pointer !== undefined && newest === undefined) return { kind: 'quarantine', files: [], cause: 'log_missing' };
  if (pointer !== undefined && newest !== undefined && newest < pointer) {
    return { kind: 'quarantine', files: names(generations), cause: 'snapshot_missing' };
  }
  if (newest === undefined) return { kind: 'new', stale: [...temps, ...indexesBut(undefined)] };
  const stale = [...temps, ...names(generations.filter((g) => g !== newest)), ...indexesBut(newest)];
  return { kind: 'use', generation: newest, stale, writePointer: newest !== pointer };
}
