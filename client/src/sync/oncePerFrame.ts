/** A request function and its cancel, from `oncePerFrame`. */
export interface FrameTask {
  request(): void;
  cancel(): void;
}

/** A hidden tab paints no frames; work asked for there still runs after this long. */
const NO_FRAME_FALLBACK_MS = 250;

/**
 * Runs `fn` once, just after the next frame is painted, however often it is asked to meanwhile: a burst
 * of keystrokes or of remote updates costs one run per frame, and that run never delays the frame that
 * shows a typed character (docs/performance.md, browser). A task queued from a frame callback runs after
 * that frame is rendered. Where no frame comes (a hidden tab), it runs after a short timeout instead.
 */
export function oncePerFrame(fn: () => void): FrameTask {
  let frame: number | null = null;
  let task: ReturnType<typeof setTimeout> | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (task !== null) clearTimeout(task);
    if (fallback !== null) clearTimeout(fallback);
    frame = null;
    task = null;
    fallback = null;
  };
  const run = () => {
    cancel();
    fn();
  };
  return {
    request: () => {
      if (frame !== null || task !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        task = setTimeout(run, 0);
      });
      fallback = setTimeout(run, NO_FRAME_FALLBACK_MS);
    },
    cancel,
  };
}
