import * as Y from 'yjs';

/** The server's per-doc size cap when the plan view does not say (DESIGN.md §7 default: 8 MiB). */
export const FALLBACK_DOC_MAX_BYTES = 8 * 1024 * 1024;
/** Warn from this share of the cap on, well before the server refuses the doc. */
export const NEARLY_FULL_SHARE = 0.8;
/** At most one full measurement per this many ms, however fast the updates come. */
const MEASURE_EVERY_MS = 2_000;

/**
 * Tells whether a doc is nearly at the size cap (issue #9), cheaply: the size is estimated by adding up the
 * updates as they arrive (the first sync brings the whole doc); in practice that sum is never below the
 * encoded state, because Yjs merges consecutive structs when it encodes. Only when the estimate crosses the
 * threshold is the doc really encoded, at most every 2 s, and the estimate reset to the real size.
 */
export function watchDocSize(
  doc: Y.Doc,
  capBytes: number,
  onChange: (nearlyFull: boolean) => void,
  clock: { now: () => number; setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (t: unknown) => void } = defaultClock,
): () => void {
  const threshold = capBytes * NEARLY_FULL_SHARE;
  let estimate = 0;
  let nearlyFull = false;
  let lastMeasured = -Infinity;
  let timer: unknown = null;

  const measure = () => {
    timer = null;
    lastMeasured = clock.now();
    estimate = Y.encodeStateAsUpdate(doc).byteLength;
    const next = estimate >= threshold;
    if (next !== nearlyFull) {
      nearlyFull = next;
      onChange(next);
    }
  };
  const onUpdate = (update: Uint8Array) => {
    estimate += update.byteLength;
    if (estimate < threshold || timer !== null) return;
    timer = clock.setTimeout(measure, Math.max(0, lastMeasured + MEASURE_EVERY_MS - clock.now()));
  };
  doc.on('update', onUpdate);
  return () => {
    doc.off('update', onUpdate);
    if (timer !== null) clock.clearTimeout(timer);
  };
}

const defaultClock = {
  now: () => performance.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>),
};
