import { join } from 'node:path';
import { ensureDirDurably, fsyncDir, replaceFileDurably } from './durableFs';
import type { FileOps } from './fileOps';

/** Why a doc was quarantined (logged and written into its marker). */
export type QuarantineCause =
  /** A record mid-log fails its checksum, or good records follow a bad one. */
  | 'checksum'
  /** The file does not start with the log header: zero-filled, emptied or foreign. */
  | 'header'
  /** The newest (compacted) generation is gone while an older one is still there. */
  | 'snapshot_missing'
  /** The pointer names a generation but no log file is left at all. */
  | 'log_missing'
  /** The pointer file itself is damaged. */
  | 'pointer_unreadable';

export interface QuarantineRequest {
  /** `DATA_DIR/quarantine`. */
  quarantineDir: string;
  planId: string;
  /** `DATA_DIR/plans/<planId>`, where `files` are. */
  planDir: string;
  /** The marker to leave in `planDir`; while it exists the doc is refused. */
  markerPath: string;
  /** Names in `planDir` to move aside. */
  files: readonly string[];
  cause: QuarantineCause;
  now: Date;
  fs: FileOps;
}

/**
 * Moves a damaged doc's files to `DATA_DIR/quarantine/<planId>/<file>.<time>` and leaves a marker in the
 * plan directory, so that the doc is never served or written empty afterwards, also not after a restart
 * (issue #9). Nothing is deleted: an operator can inspect the files, put a good copy back and remove the
 * marker (docs/durability.md). Returns the new paths, relative to the data directory.
 *
 * The marker is written (durably) first: from then on the doc is refused, even if a crash stops the moves.
 */
export async function quarantineDocFiles(request: QuarantineRequest): Promise<string[]> {
  const { fs, planId, planDir, quarantineDir } = request;
  const stamp = request.now.toISOString().replace(/[:.]/g, '-');
  const moves = request.files.map((name) => ({ name, aside: `${name}.${stamp}` }));
  const movedTo = moves.map((move) => join('quarantine', planId, move.aside));
  const marker = { cause: request.cause, at: request.now.toISOString(), movedTo };
  await replaceFileDurably(request.markerPath, `${request.markerPath}.tmp`, `${JSON.stringify(marker, null, 2)}\n`, fs);
  if (moves.length === 0) return movedTo;
  const targetDir = join(quarantineDir, planId);
  await ensureDirDurably(quarantineDir, fs);
  await ensureDirDurably(targetDir, fs);
  for (const move of moves) await fs.rename(join(planDir, move.name), join(targetDir, move.aside));
  await fsyncDir(targetDir, fs);
  await fsyncDir(planDir, fs);
  return movedTo;
}
