import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, narrowToPhone, openAsMember, saveState, type Person } from '../helpers/browser';
import { startServer } from '../helpers/startServer';

/**
 * Comments end to end in Chromium against the real server (issue #7): a parent comments on a worry and on a
 * phrase in a read-only text; the jeugdbeschermer sees both live, replies with an @mention and resolves; the
 * parent sees the reply, the resolved state and the mention in her header. The marked phrase follows edits and,
 * once deleted, the thread keeps its quote. An "alleen professionals" thread by the jeugdbeschermer never
 * reaches the parent's page or sockets, until the explicit copy action. Axe clean at desktop width and 375 px.
 */

const WAIT = { timeout: 30_000, interval: 100 };

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let jeugdbeschermer: Person;
let ouder: Person;
/** Everything the parent's browser sent or received over its sockets, and which docs it opened. */
const ouderFrames: string[] = [];
const ouderSockets: string[] = [];

async function recordSockets(context: BrowserContext): Promise<void> {
  context.on('page', (page) => {
    page.on('websocket', (ws) => {
      ouderSockets.push(ws.url());
      const keep = (f: { payload: string | Buffer }) => ouderFrames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('latin1'));
      ws.on('framereceived', keep);
      ws.on('framesent', keep);
    });
  });
}

const zorgenBlock = (page: Page) => page.locator('[data-block="zorgen"]');
const zorgenToelichting = (page: Page) => page.getByRole('textbox', { name: 'Toelichting bij de zorgen', exact: true });
const threadWith = (within: Page | Locator, text: string) => within.locator('article.thread', { hasText: text });

/** The text of an editor as its words, without the names on other people's carets. */
function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** Selects `text` inside an editor as a person would with the mouse (a DOM selection the editor picks up). */
async function selectInEditor(editor: Locator, text: string): Promise<void> {
  await editor.scrollIntoViewIfNeeded();
  const found = await editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    return false;
  }, text);
  expect(found, `"${text}" is in the editor`).toBe(true);
}

/** The "Opmerking bij geselecteerde tekst" button of the prose field an editor belongs to. */
function selectionButton(editor: Locator): Locator {
  return editor.locator('xpath=ancestor::div[contains(@class,"prose-field")]').getByRole('button', { name: 'Opmerking bij geselecteerde tekst' });
}

/** Writes a new thread in the open form and posts it. */
async function post(page: Page, text: string, options: { intern?: boolean; mention?: string } = {}): Promise<void> {
  const form = page.getByTestId('new-thread');
  await expect.poll(() => form.count(), WAIT).toBe(1);
  await form.getByLabel('Uw opmerking').fill(text);
  if (options.mention) {
    await form.getByLabel('Uw opmerking').press('End');
    await form.getByLabel('Iemand noemen').selectOption({ label: options.mention });
  }
  if (options.intern) await form.getByLabel('Alleen voor professionals').check();
  await form.getByRole('button', { name: 'Plaatsen' }).click();
  await expect.poll(() => form.count(), WAIT).toBe(0);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  jeugdbeschermer = await openAsMember(browser, server, 'jeugdbeschermer');
  ouder = await openAsMember(browser, server, 'ouder', recordSockets);
  for (const person of [jeugdbeschermer, ouder]) person.page.on('dialog', (d) => void d.accept());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close({ remove: true });
});

describe('comments in the browser', () => {
  const onWorry = 'Zo is het niet gegaan. Het was één keer.';
  const reply = 'Dank u, Lisa. We bespreken het in het teamoverleg.';

  it('[E1] a parent comments on a worry; the jeugdbeschermer sees it live, replies and resolves; the parent sees it all', async () => {
    const page = ouder.page;
    const zorg = zorgenBlock(page).locator('[data-item-id]').first();
    await zorg.getByRole('button', { name: /^Opmerking bij Zorg 1/ }).click();
    await expect.poll(() => page.getByTestId('new-thread').textContent(), WAIT).toContain('Bij Zorg 1');
    await post(page, onWorry, { mention: 'Sanne Visser (Jeugdbeschermer)' });

    const jb = jeugdbeschermer.page;
    const thread = threadWith(zorgenBlock(jb), onWorry);
    await expect.poll(() => thread.count(), WAIT).toBe(1);
    expect(await thread.textContent()).toContain('Lisa de Boer (Ouder)');
    expect(await thread.textContent()).toContain('@Sanne Visser');
    await expect.poll(() => jb.getByTestId('comments-link').getAttribute('data-mentions'), WAIT).toBe('1');

    await thread.getByRole('button', { name: 'Reageren' }).click();
    await thread.getByLabel('Uw reactie').fill(`${reply} @Lisa de Boer`);
    await thread.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await expect.poll(() => thread.textContent(), WAIT).toContain(reply);
    await thread.getByRole('button', { name: 'Oplossen' }).click();
    await expect.poll(() => thread.getAttribute('data-status'), WAIT).toBe('opgelost');
    // Replying marked the thread read for the jeugdbeschermer.
    await expect.poll(() => jb.getByTestId('comments-link').getAttribute('data-mentions'), WAIT).toBe('0');

    const mine = threadWith(zorgenBlock(page), onWorry);
    await expect.poll(() => mine.textContent(), WAIT).toContain(reply);
    await expect.poll(() => mine.getAttribute('data-status'), WAIT).toBe('opgelost');
    expect(await mine.textContent()).toContain('Opgelost door Sanne Visser (Jeugdbeschermer)');
    // The parent is mentioned in a reply she has not read: her header says so, until she marks it read.
    const link = page.getByTestId('comments-link');
    await expect.poll(() => link.getAttribute('data-mentions'), WAIT).toBe('1');
    expect(await link.textContent()).toContain('1 voor u');
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toBe('#opmerkingen');
    await mine.getByRole('button', { name: 'Gelezen' }).click();
    await expect.poll(() => link.getAttribute('data-mentions'), WAIT).toBe('0');
    // Only the starter and the jeugdbeschermer resolve; the parent started it, so she may reopen it (E7).
    expect(await mine.getByRole('button', { name: 'Opnieuw openen' }).count()).toBe(1);
  }, 120_000);

  it('[E2] a parent comments on a phrase of a read-only text; the mark follows edits, and a deleted phrase keeps its quote', async () => {
    const page = ouder.page;
    const phrase = 'harde ruzie in huis';
    const editor = zorgenToelichting(page);
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    await selectInEditor(editor, phrase);
    await selectionButton(editor).click();
    await expect.poll(() => page.getByTestId('new-thread').textContent(), WAIT).toContain(`Bij de tekst: “${phrase}”`);
    await post(page, 'Zo zou ik het niet zeggen.');

    const jb = jeugdbeschermer.page;
    const jbEditor = zorgenToelichting(jb);
    const mark = jbEditor.locator('.comment-anchor');
    await expect.poll(() => mark.textContent(), WAIT).toBe(phrase);
    await expect.poll(() => editor.locator('.comment-anchor').textContent(), WAIT).toBe(phrase);

    // The jeugdbeschermer types just before the phrase: the mark stays on exactly the phrase, on both pages.
    await jbEditor.click();
    await selectInEditor(jbEditor, phrase);
    await jb.keyboard.press('ArrowLeft');
    await jb.keyboard.type('erg ', { delay: 10 });
    await expect.poll(() => editorText(editor), WAIT).toContain(`erg ${phrase}`);
    await expect.poll(() => editor.locator('.comment-anchor').textContent(), WAIT).toBe(phrase);
    expect(await mark.textContent()).toBe(phrase);

    await selectInEditor(jbEditor, phrase);
    await jb.keyboard.press('Backspace');
    await expect.poll(() => editorText(editor), WAIT).toContain('vaak erg . Noah');
    const thread = threadWith(zorgenBlock(page), 'Zo zou ik het niet zeggen.');
    await expect.poll(() => thread.textContent(), WAIT).toContain(`Tekst is verwijderd. Het ging om: “${phrase}”`);
    expect(await editor.locator('.comment-anchor').count()).toBe(0);
    await expect.poll(() => saveState(jb), WAIT).toBe('saved');
  }, 120_000);

  it('[E3] the parent deletes her own comment: it stays as "verwijderd" for everyone', async () => {
    const page = ouder.page;
    // Once deleted the text is gone, so the thread is found by its id from here on.
    const threadId = await threadWith(zorgenBlock(page), 'Zo zou ik het niet zeggen.').getAttribute('data-thread-id');
    const thread = page.locator(`article[data-thread-id="${threadId}"]`);
    await thread.getByRole('button', { name: 'Verwijderen' }).click();
    await expect.poll(() => thread.locator('.comment__text--deleted').count(), WAIT).toBe(1);
    expect(await thread.locator('.comment__text--deleted').textContent()).toBe('verwijderd');
    const atJb = jeugdbeschermer.page.locator(`article[data-thread-id="${threadId}"]`);
    await expect.poll(() => atJb.locator('.comment__text--deleted').count(), WAIT).toBe(1);
    expect(await atJb.textContent()).not.toContain('Zo zou ik het niet zeggen.');
  }, 60_000);

  it('[E4] an "alleen professionals" thread never reaches the parent’s page or sockets, until it is copied on purpose', async () => {
    const jb = jeugdbeschermer.page;
    const secret = 'Intern: de vader belde dronken naar school';
    const zorg = zorgenBlock(jb).locator('[data-item-id]').nth(1);
    await zorg.getByRole('button', { name: /^Opmerking bij Zorg 2/ }).click();
    await post(jb, secret, { intern: true });
    const internThread = threadWith(zorgenBlock(jb), secret);
    await expect.poll(() => internThread.getAttribute('data-intern'), WAIT).toBe('true');
    expect(await internThread.textContent()).toContain('Alleen professionals');
    // A public thread after it: once the parent has that one, she has had every chance to receive the other.
    const marker = 'Openbaar: hoe gaat het met de afspraken?';
    await zorg.getByRole('button', { name: /^Opmerking bij Zorg 2/ }).click();
    await post(jb, marker);

    const page = ouder.page;
    await expect.poll(() => threadWith(zorgenBlock(page), marker).count(), WAIT).toBe(1);
    expect(await page.locator('body').textContent()).not.toContain(secret);
    expect(ouderSockets.some((url) => url.includes('opmerkingen-intern'))).toBe(false);
    expect(ouderSockets.some((url) => url.endsWith('/opmerkingen'))).toBe(true);
    expect(ouderFrames.join('\n')).not.toContain(secret);

    // The copy action asks first and says what it means; then everyone reads it, marked as copied.
    await internThread.getByRole('button', { name: 'Kopiëren naar iedereen' }).click();
    expect(await internThread.textContent()).toContain('ook de ouders');
    await internThread.getByRole('button', { name: 'Ja, kopiëren naar iedereen' }).click();
    const copy = threadWith(zorgenBlock(page), secret);
    await expect.poll(() => copy.count(), WAIT).toBe(1);
    expect(await copy.textContent()).toContain('Gekopieerd uit een opmerking voor professionals door Sanne Visser (Jeugdbeschermer)');
    expect(await copy.getAttribute('data-intern')).toBe('false');
  }, 120_000);

  it('[E5] the overview filters by party, by open or resolved, and by "reacties op mijn tekst"', async () => {
    const jb = jeugdbeschermer.page;
    const overview = jb.getByTestId('opmerkingen');
    await overview.scrollIntoViewIfNeeded();
    const items = overview.locator('.thread-index__item');
    const total = await items.count();
    expect(total).toBe(5);
    await overview.getByLabel('Met reacties van').selectOption({ label: 'Ouders' });
    await expect.poll(() => items.count(), WAIT).toBe(2);
    await overview.getByLabel('Open of opgelost').selectOption({ label: 'Alleen opgelost' });
    await expect.poll(() => items.count(), WAIT).toBe(1);
    // The filter applies beside the blocks too.
    expect(await zorgenBlock(jb).locator('article.thread').count()).toBe(1);
    await overview.getByLabel('Met reacties van').selectOption({ label: 'Iedereen' });
    await overview.getByLabel('Open of opgelost').selectOption({ label: 'Open en opgelost' });
    // The worries the parent commented on were entered by the jeugdbeschermer (Zorg 1) and a hulpverlener (Zorg 2).
    await overview.getByLabel('Alleen reacties op mijn tekst').check();
    await expect.poll(() => items.count(), WAIT).toBe(1);
    await overview.getByLabel('Alleen reacties op mijn tekst').uncheck();
    await expect.poll(() => items.count(), WAIT).toBe(total);
  }, 60_000);

  it('[E6] no serious or critical axe violations with threads and an open form, at desktop width and at 375 px', async () => {
    for (const person of [jeugdbeschermer, ouder]) {
      const page = person.page;
      await zorgenBlock(page).locator('[data-item-id]').first().getByRole('button', { name: /^Opmerking bij Zorg 1/ }).click();
      await expect.poll(() => page.getByTestId('new-thread').count(), WAIT).toBe(1);
      expect(await checkA11y(page), `${person.name} at desktop width`).toEqual([]);
      await narrowToPhone(page);
      expect(await checkA11y(page), `${person.name} at 375 px`).toEqual([]);
      await page.getByTestId('new-thread').getByRole('button', { name: 'Annuleren' }).click();
    }
  }, 120_000);

  it('[E7] at 375 px the parent reopens her thread and replies; the jeugdbeschermer, also on a phone, sees it live', async () => {
    const page = ouder.page;
    const thread = threadWith(zorgenBlock(page), onWorry);
    await thread.getByRole('button', { name: 'Opnieuw openen' }).click();
    await expect.poll(() => thread.getAttribute('data-status'), WAIT).toBe('open');
    await thread.getByRole('button', { name: 'Reageren' }).click();
    const answer = 'Goed, dan praten we er dinsdag over.';
    await thread.getByLabel('Uw reactie').fill(answer);
    await thread.getByRole('button', { name: 'Reactie plaatsen' }).click();
    const atJb = threadWith(zorgenBlock(jeugdbeschermer.page), onWorry);
    await expect.poll(() => atJb.textContent(), WAIT).toContain(answer);
    expect(await atJb.getAttribute('data-status')).toBe('open');
    expect(await atJb.textContent()).toContain('Opnieuw geopend door Lisa de Boer (Ouder)');
    for (const person of [ouder, jeugdbeschermer]) {
      expect(await person.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), person.name).toBeLessThanOrEqual(0);
    }
  }, 60_000);

  it('[E8] a comment on a phrase of the professionals’ part is always "alleen professionals" and sits beside that part', async () => {
    const jb = jeugdbeschermer.page;
    const taxatie = jb.getByRole('textbox', { name: 'Taxatie en weging', exact: true });
    const words = await taxatie.evaluate((el) => (el.textContent ?? '').trim().split(/\s+/).slice(0, 3).join(' '));
    await selectInEditor(taxatie, words);
    await taxatie.locator('xpath=ancestor::section[1]').getByRole('button', { name: 'Opmerking bij geselecteerde tekst' }).click();
    const form = jb.getByTestId('new-thread');
    await expect.poll(() => form.textContent(), WAIT).toContain('Deze opmerking is alleen voor professionals');
    expect(await form.getByLabel('Alleen voor professionals').count()).toBe(0);
    await post(jb, 'Kunnen we deze weging aanscherpen?');
    const thread = threadWith(jb.locator('.professional-area'), 'Kunnen we deze weging aanscherpen?');
    await expect.poll(() => thread.getAttribute('data-intern'), WAIT).toBe('true');
    await expect.poll(() => taxatie.locator('.comment-anchor--intern').textContent(), WAIT).toBe(words);
    expect(await ouder.page.locator('body').textContent()).not.toContain('Kunnen we deze weging aanscherpen?');
  }, 60_000);
});
