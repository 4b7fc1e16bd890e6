import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { waitFor } from './waitFor';

/** The system Chromium; tests never download a browser. */
const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Launches headless Chromium with no background traffic. Use `browser.newContext()` per simulated person:
 * each context has its own cookies and storage, like a fresh profile.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One axe finding that fails the WCAG 2.1 AA bar of DESIGN.md §9. */
export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

let axeSource: Promise<string> | undefined;

function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the serious and critical violations.
 * The source is evaluated through the DevTools protocol, which the page's CSP (no inline scripts) does not block.
 */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  const source = await loadAxe();
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
    interface AxeResult {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** One simulated person in the browser: their own context (cookies, storage) and page. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

/**
 * Opens a demo invitation of `role` in a fresh context and waits until the plan page is there and saved.
 * `setup` runs on the context before the first page (e.g. to route its sockets).
 */
export async function openAsMember(
  browser: Browser,
  server: { base: string; invitations: readonly { role: string; name: string; token: string }[] },
  role: string,
  setup?: (context: BrowserContext) => Promise<void>,
): Promise<Person> {
  const invitation = server.invitations.find((i) => i.role === role);
  if (!invitation) throw new Error(`no demo invitation for ${role}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await setup?.(context);
  const page = await context.newPage();
  // The invitation URL carries the server's own host; the test server listens on its own port.
  await page.goto(`${server.base}/uitnodiging#${invitation.token}`);
  await page.waitForURL(/\/plan\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
  return { name: invitation.name, context, page };
}

/** The save status of the page: `saved`, `saving`, `offline`, … */
export function saveState(page: Page): Promise<string | null> {
  return page.getByTestId('save-status').getAttribute('data-state');
}

/** Narrows the page to a 375 px phone and waits until nothing scrolls sideways. */
export async function narrowToPhone(page: Page, timeout = 30_000): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  const deadline = Date.now() + timeout;
  for (;;) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow <= 0) return;
    if (Date.now() > deadline) throw new Error(`the page scrolls sideways by ${overflow} px at 375 px`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks an add button and returns the new item's card: the list focuses the new card's first field. */
export async function addItem(page: Page, button: Locator, timeoutMs = 30_000): Promise<Locator> {
  await waitFor(() => button.isEnabled(), 'the add button is enabled', timeoutMs);
  const focusedCard = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const isField = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
      return isField ? (el.closest('[data-item-id]')?.getAttribute('data-item-id') ?? null) : null;
    });
  const before = await focusedCard();
  await button.click();
  const id = await waitFor(async () => {
    const now = await focusedCard();
    return now !== null && now !== before ? now : null;
  }, 'the new card has focus', timeoutMs);
  return page.locator(`[data-item-id="${id}"]`);
}

/**
 * Moves the caret of a rich-text editor (`editor`, focused) to the start or the end of its text with the
 * keyboard, and waits until the editor itself holds it there. The key moves the browser's caret at once, but
 * the editor reads that move a moment later: a key pressed in between (Enter, a letter) would land where the
 * caret was before, and a remote change taken in meanwhile puts the caret back there.
 */
export async function moveCaretTo(page: Page, editor: Locator, where: 'start' | 'end', timeout = 30_000): Promise<void> {
  const press = () => page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await press();
  const there = () =>
    editor.evaluate((el, atEnd) => {
      const { state } = (el as HTMLElement & { editor: TiptapLike }).editor;
      const Selection = state.selection.constructor;
      const target = atEnd ? Selection.atEnd(state.doc) : Selection.atStart(state.doc);
      return state.selection.empty && state.selection.from === target.from;
    }, where === 'end');
  // Pressed again while not there: a remote change may have put the caret back before the editor read the move.
  await waitFor(async () => (await there()) || (await press(), false), `the caret at the ${where}`, timeout);
}

/** The part of a Tiptap editor (set on its element as `editor`) that `moveCaretTo` reads. */
interface TiptapLike {
  state: {
    doc: unknown;
    selection: { empty: boolean; from: number; constructor: { atEnd(doc: unknown): { from: number }; atStart(doc: unknown): { from: number } } };
  };
}
