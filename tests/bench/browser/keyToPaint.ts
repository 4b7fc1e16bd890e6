import type { Page } from 'playwright-core';

/** What the page recorded: one latency per keydown, Event Timing durations, and frames painted. */
export interface PageTimings {
  /** keydown's timestamp → the task after the next frame's rendering, per keydown (ms). */
  keyToPaint: number[];
  /** Event Timing `duration` of keydowns that took 16 ms or more (8 ms granularity; shorter ones are not reported). */
  eventTimingOver16: number[];
  /** requestAnimationFrame callbacks per second over the measured window: the page's frame rate. */
  framesPerSecond: number;
}

/**
 * The probes, as source text: functions handed to `page.evaluate` would carry the `__name` helper that tsx's
 * transform adds to named functions, which does not exist in the page.
 *
 * A keydown listener in the capture phase runs before the editor's own; it takes the event's timestamp and
 * asks for the next animation frame, and from that frame's callback posts a message to itself: the message
 * is handled once that frame has been rendered and painted, so the difference is the time from the
 * keypress to the first frame that shows its result. The editor changes the DOM in the same task as the key
 * events, so that frame holds the typed character.
 */
const PROBE_SOURCE = `(() => {
  const probe = { keyToPaint: [], eventTimingOver16: [], frames: 0, since: performance.now() };
  window.__benchProbe = probe;
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => probe.keyToPaint.push(performance.now() - start);
      channel.port2.postMessage(undefined);
    });
  }, { capture: true });
  const countFrame = () => { probe.frames += 1; requestAnimationFrame(countFrame); };
  requestAnimationFrame(countFrame);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') probe.eventTimingOver16.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: 16 });
})()`;

const READ_SOURCE = `(() => {
  const probe = window.__benchProbe;
  const seconds = (performance.now() - probe.since) / 1000;
  return { keyToPaint: probe.keyToPaint, eventTimingOver16: probe.eventTimingOver16, framesPerSecond: probe.frames / seconds };
})()`;

/** Installs the probes in the page (through the DevTools protocol, which the page's CSP does not block). */
export async function installKeyToPaintProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE_SOURCE);
}

/** Reads what the probes recorded so far. */
export async function readKeyToPaint(page: Page): Promise<PageTimings> {
  return (await page.evaluate(READ_SOURCE)) as PageTimings;
}
