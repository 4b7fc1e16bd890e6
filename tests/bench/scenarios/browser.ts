import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { translate } from '../../../shared/src/i18n/translate';
import { proseField } from '../../../shared/src/schema/planSchema';
import { launchBrowser } from '../../helpers/browser';
import type { BenchParams } from '../benchParams';
import { measureBareEditorFloor } from '../browser/bareEditorFloor';
import { collectScripts, ensureClientBuild, type ScriptSizes } from '../browser/clientBuild';
import { Collaborators } from '../browser/collaborator';
import { installKeyToPaintProbe, readKeyToPaint, type PageTimings } from '../browser/keyToPaint';
import { runEdits } from '../load/editScheduler';
import type { Seat } from '../load/loadClient';
import { NOT_MEASURED } from '../load/propagationTracker';
import { closeRooms, connectRooms } from '../load/roomLoad';
import { summarize } from '../percentiles';
import { createRng } from '../rng';
import type { Scenario } from '../scenario';
import { startProjectServer } from '../servers/projectServer';
import { prepareFixture, type ProjectFixture } from '../setup/planFixture';
import { projectSeats } from '../setup/seats';
import { waitUntil } from '../waitUntil';

/** What the browser user types, one key at a time, over and over. */
const PHRASE = 'de school belt vaak over het slapen ';
/** The first `count` keys of the phrase, repeated as needed. */
function phraseKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => PHRASE[i % PHRASE.length] as string);
}

/** How long the collaborators type before the first measured keypress. */
const LEAD_IN_MS = 2000;

/**
 * Issue 10 scenario 6 (the project only: the reference has no client). Real Chromium opens the plan page
 * of the built client as a signed-in hulpverlener; 10 simulated collaborators type in the same section
 * (`zorgen`) with their carets shown, while the browser user types there too. Figures: keypress → next
 * painted frame, and the gzip size of the JavaScript the first load fetched.
 */
export const browser: Scenario<ProjectFixture> = {
  name: 'browser',
  describe: ({ browser: p }) =>
    `Chromium, ${p.keypresses} keypresses ${p.keyDelayMs} ms apart in "zorgen" while ${p.collaborators} collaborators type there (${p.collaboratorEditsPerSecond}/s each)`,
  targets: ['project'],
  figures: [
    { id: 'keyToPaintP50', label: 'browser keypress → next painted frame p50', unit: 'ms', digits: 1 },
    { id: 'keyToPaintP95', label: 'browser keypress → next painted frame p95', unit: 'ms', digits: 1, target: { kind: 'projectAtMost', value: 16 } },
    { id: 'keyToPaintMax', label: 'browser keypress → next painted frame max', unit: 'ms', digits: 1 },
    { id: 'floorP50', label: 'bare contenteditable (the floor), same keys p50', unit: 'ms', digits: 1 },
    { id: 'floorP95', label: 'bare contenteditable (the floor), same keys p95', unit: 'ms', digits: 1 },
    { id: 'over16Share', label: 'browser keydowns Event Timing reports ≥ 16 ms', unit: '%', digits: 1 },
    { id: 'firstLoadJsKb', label: 'browser first-load JavaScript, gzip', unit: 'KB', digits: 1, target: { kind: 'projectAtMost', value: 350 } },
  ],
  async prepare(ctx) {
    ctx.note(`browser: ${ensureClientBuild(ctx.progress)}`);
    const members = ctx.params.browser.collaborators + 1;
    return prepareFixture(ctx.tempRoot, 'browser', { plans: 1, membersPerPlan: members, progress: ctx.progress });
  },
  async runOnce(ctx, fixture, _target, repetition) {
    const p = ctx.params.browser;
    const server = await startProjectServer({ dataDir: fixture.dataDir });
    let chromium: Browser | undefined;
    try {
      const planId = fixture.plans[0]?.planId;
      const [userSeat, ...collaboratorSeats] = projectSeats(server, fixture, p.collaborators + 1)[0] ?? [];
      if (!planId || !userSeat) throw new Error('browser has no plan or seats');
      chromium = await launchBrowser();
      const { page, editor, js } = await openPlanPage(chromium, server.base, planId, userSeat.headers.cookie ?? '');
      if (js.developmentBuild || js.unminified) {
        const kind = [js.developmentBuild ? 'React development build' : '', js.unminified ? 'not minified' : ''].filter(Boolean).join(', ');
        ctx.note(`browser: repetition ${repetition + 1} measured a client/dist that is not a production build (${kind}: ${js.files.join(', ')}, ${Math.round(js.rawBytes / 1024)} KB raw); its figures say little`);
      }
      const trace = traceFile(repetition);
      const timings = await typeAmongCollaborators(p, page, editor, collaboratorSeats, repetition, trace === undefined ? undefined : { browser: chromium, path: trace });
      if (trace) ctx.note(`browser: repetition ${repetition + 1} wrote a DevTools trace of the measured typing to ${trace}`);
      const latency = summarize(Float64Array.from(timings.keyToPaint));
      const floorTimings = await measureBareEditorFloor(chromium, phraseKeys(p.keypresses), p.keyDelayMs);
      const floor = summarize(Float64Array.from(floorTimings.keyToPaint));
      return {
        measurements: {
          keyToPaintP50: latency.p50,
          keyToPaintP95: latency.p95,
          keyToPaintMax: latency.max,
          floorP50: floor.p50,
          floorP95: floor.p95,
          over16Share: (100 * timings.eventTimingOver16.length) / p.keypresses,
          firstLoadJsKb: js.gzipBytes / 1024,
        },
        detail: { keypresses: latency.count, framesPerSecond: timings.framesPerSecond, floorMax: floor.max, ...js },
      };
    } finally {
      await chromium?.close();
      await server.stop();
    }
  },
};

/** A fresh profile signed in with the member's session cookie opens the plan page; its JavaScript is measured. */
async function openPlanPage(chromium: Browser, base: string, planId: string, cookie: string): Promise<{ page: Page; editor: Locator; js: ScriptSizes }> {
  const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
  const [name = '', value = ''] = cookie.split('=');
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const scripts = collectScripts(page);
  await page.goto(`${base}/plan/${planId}`);
  const editor = await findZorgenEditor(page);
  return { page, editor, js: await scripts.sizes() };
}

/**
 * The collaborators start typing; after a lead-in the browser user types `keypresses` keys at the start of the
 * section, `keyDelayMs` apart, with the probes on. Checks that the typed text reached the others.
 */
async function typeAmongCollaborators(
  p: BenchParams['browser'],
  page: Page,
  editor: Locator,
  seats: Seat[],
  repetition: number,
  trace: { browser: Browser; path: string } | undefined,
): Promise<PageTimings> {
  const rooms = await connectRooms([seats], { trackSaved: false });
  const collaborators = new Collaborators();
  try {
    const durationMs = LEAD_IN_MS + p.keypresses * p.keyDelayMs + 1000;
    const rng = createRng(6000 + repetition);
    const typing = runEdits(rooms, { perClientPerSecond: p.collaboratorEditsPerSecond, durationMs, bucket: NOT_MEASURED, rng, edit: collaborators.keystroke });
    await editor.click();
    await page.keyboard.press('Control+Home');
    await new Promise((r) => setTimeout(r, LEAD_IN_MS));
    await installKeyToPaintProbe(page);
    if (trace) await trace.browser.startTracing(page, { path: trace.path, categories: TRACE_CATEGORIES });
    const keys = phraseKeys(p.keypresses);
    for (const key of keys) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await new Promise((r) => setTimeout(r, p.keyDelayMs));
    }
    const typed = keys.join('');
    const timings = await readKeyToPaint(page);
    if (trace) await trace.browser.stopTracing();
    await typing;
    const other = rooms[0]?.clients[0];
    const probe = typed.slice(0, 20);
    if (!other || !(await waitUntil(() => proseField(other.doc, 'gezamenlijk', 'zorgen').toString().includes(probe), 10_000))) {
      throw new Error('browser: the typed text did not reach the other clients');
    }
    return timings;
  } finally {
    collaborators.destroy();
    await closeRooms(rooms);
  }
}

/**
 * What a trace of the typing records: the renderer's tasks, frames and paints, and a sampled CPU profile
 * (the categories DevTools' performance panel uses). Tracing slows the page down: a traced run is for
 * finding causes, not for the figures.
 */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'latencyInfo', 'loading'];

/** `BENCH_BROWSER_TRACE=<dir>` writes one trace per repetition there (open it in DevTools' performance panel). */
function traceFile(repetition: number): string | undefined {
  const dir = process.env.BENCH_BROWSER_TRACE;
  return dir ? path.resolve(dir, `browser-trace-${repetition + 1}.json`) : undefined;
}

/**
 * The editor bound to the `zorgen` root: the walking skeleton labels it "Zorgen", the structured plan
 * "Toelichting bij de zorgen". Waits until it is editable (synced and writable).
 */
async function findZorgenEditor(page: Page) {
  const labels = [translate('section.zorgen'), translate('prose.zorgenToelichting')];
  const editor = page.locator(labels.map((l) => `[role="textbox"][aria-label="${l}"]`).join(', ')).first();
  try {
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    if (!(await waitUntilAsync(async () => (await editor.getAttribute('contenteditable')) === 'true', 30_000))) throw new Error('not editable');
  } catch (error) {
    const found = await page.locator('[role="textbox"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    throw new Error(`browser: no editable "zorgen" editor (${(error as Error).message}); textboxes on the page: ${found.join(', ') || 'none'}`);
  }
  return editor;
}

async function waitUntilAsync(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
