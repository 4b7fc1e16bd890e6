import type { Browser } from 'playwright-core';
import { installKeyToPaintProbe, readKeyToPaint, type PageTimings } from './keyToPaint';

/** A page with nothing but an editable paragraph of text: no framework, no sync, no other work. */
const BARE_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>vloer</title></head>
<body><div contenteditable="true" role="textbox" aria-label="vloer" style="width: 40em; min-height: 10em; font: 16px sans-serif">
<p>De school belt vaak over het slapen. Er is een afspraak gemaakt met de huisarts.</p></div></body></html>`;

/**
 * The environment's floor of the keypress → next painted frame measure: the same probe and the same keys,
 * in the same browser and run, on a bare contenteditable. What the plan page adds is the difference, so a
 * target can be judged against what this machine and headless Chromium (software compositing, 60 Hz) allow.
 */
export async function measureBareEditorFloor(chromium: Browser, keys: readonly string[], keyDelayMs: number): Promise<PageTimings> {
  const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent(BARE_PAGE);
    await page.locator('[contenteditable]').click();
    await page.keyboard.press('Control+Home');
    await installKeyToPaintProbe(page);
    for (const key of keys) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await new Promise((r) => setTimeout(r, keyDelayMs));
    }
    return await readKeyToPaint(page);
  } finally {
    await context.close();
  }
}
