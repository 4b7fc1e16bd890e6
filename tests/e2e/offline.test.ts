import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../shared/src/schema/docNames';
import { proseField } from '../../shared/src/schema/planSchema';
import { fragmentText } from '../../shared/src/schema/proseText';
import { checkA11y, launchBrowser, moveCaretTo, narrowToPhone, openAsMember, saveState, type Person } from '../helpers/browser';
import { openCuttableLink, type CuttableLink } from '../helpers/cuttableLink';
import { signInAs } from '../helpers/signIn';
import { startServer, type TestServer } from '../helpers/startServer';
import { connectDoc } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

/**
 * Offline in Chromium (issue #9): a jeugdbeschermer has the plan open, loses the network, types, reloads
 * (still offline: the app shell comes from the service worker, the plan from IndexedDB), types more, comes
 * back online, and the text reaches a second member's browser live and the server. The save status counts
 * the unsaved changes, the page warns before unload meanwhile, and "Afmelden op dit apparaat" leaves no
 * copy behind. The network is cut for real (a TCP link), besides the browser's own offline switch.
 */

const WAIT = { timeout: 30_000, interval: 100 };
const UNSAVED = /Niet opgeslagen — (\d+) wijziging(en)?/;

let server: TestServer;
let link: CuttableLink;
let browser: Browser;
let jeugdbeschermer: Person;
let hulpverlener: Person;
/** The kinds of dialogs the jeugdbeschermer's page opened (each is accepted). */
const dialogs: string[] = [];

function zorgenEditor(page: Page) {
  return page.getByRole('textbox', { name: 'Toelichting bij de zorgen', exact: true });
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = zorgenEditor(page);
  await expect.poll(() => editor.getAttribute('contenteditable'), WAIT).toBe('true');
  await editor.click();
  await moveCaretTo(page, editor, 'end');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 10 });
}

/** Calls the API from the jeugdbeschermer's page, with their session; returns the status. */
function asJeugdbeschermer(method: string, path: string, body: unknown): Promise<number> {
  return jeugdbeschermer.page.evaluate(
    async ({ method, path, body }) =>
      (await fetch(path, { method, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) })).status,
    { method, path, body },
  );
}

async function unsavedCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('save-status').textContent()) ?? '';
  return Number(UNSAVED.exec(text)?.[1] ?? 0);
}

/** The IndexedDB databases and caches of the page's origin, and whether a service worker is registered. */
function deviceData(page: Page): Promise<{ databases: string[]; caches: string[]; workers: number }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
}

beforeAll(async () => {
  server = await startServer();
  link = await openCuttableLink(server.base);
  browser = await launchBrowser();
  jeugdbeschermer = await openAsMember(browser, { base: link.base, invitations: server.invitations }, 'jeugdbeschermer');
  jeugdbeschermer.page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  hulpverlener = await openAsMember(browser, server, 'hulpverlener');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await link?.close();
  await server?.close({ remove: true });
});

describe('offline in Chromium', () => {
  const offlineLine = 'Offline getypt in de trein.';
  const afterReload = 'Na het herladen nog meer.';
  const justBeforeReload = 'Getypt vlak voor het herladen.';
  let planId = '';

  it('[O1] keeps the app shell once the plan was opened online', async () => {
    const page = jeugdbeschermer.page;
    planId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    expect(state).toBe('activated');
    const data = await deviceData(page);
    expect(data.caches.length).toBe(1);
    expect(data.databases.some((n) => n.startsWith(`gezinsplan/${planId}/`))).toBe(true);
  }, 60_000);

  it('[O2] counts the changes typed offline and warns before unload', async () => {
    const page = jeugdbeschermer.page;
    await link.cut();
    await jeugdbeschermer.context.setOffline(true);
    await expect.poll(() => saveState(page), WAIT).toBe('offline');

    await typeAtEnd(page, offlineLine);
    await expect.poll(() => page.getByTestId('save-status').textContent(), WAIT).toMatch(UNSAVED);
    // One change per keystroke: Enter and every letter.
    expect(await unsavedCount(page)).toBe(offlineLine.length + 1);

    // y-indexeddb writes each change in an IndexedDB transaction of its own; what a reload cuts off comes back
    // from sessionStorage ([O10]), but then as one change per rescued update, so this test, which counts each
    // keystroke, gives the copy a moment.
    await page.waitForTimeout(1000);
    const before = dialogs.length;
    await page.reload();
    expect(dialogs.slice(before)).toEqual(['beforeunload']);
  }, 60_000);

  it('[O3] after a reload without network the plan opens from the device, with the text and the count, and takes more typing', async () => {
    const page = jeugdbeschermer.page;
    await expect.poll(() => zorgenEditor(page).textContent(), WAIT).toContain(offlineLine);
    await expect.poll(() => unsavedCount(page), WAIT).toBe(offlineLine.length + 1);
    expect(await page.getByTestId('offline-note').isVisible()).toBe(true);

    await typeAtEnd(page, afterReload);
    await expect.poll(() => unsavedCount(page), WAIT).toBe(offlineLine.length + afterReload.length + 2);
    // Nothing of it left the device yet.
    expect(await zorgenEditor(hulpverlener.page).textContent()).not.toContain(offlineLine);

    // The start page, offline, leads to the plan kept on this device.
    await page.goto(`${link.base}/`);
    await page.waitForURL(/\/plan\//, WAIT);
    await expect.poll(() => zorgenEditor(page).textContent(), WAIT).toContain(afterReload);
  }, 60_000);

  it('[O10] what was typed in the instant before a reload is still there after it, offline (docs/known-issues.md)', async () => {
    const page = jeugdbeschermer.page;
    const counted = await unsavedCount(page);
    // IndexedDB slow to commit, as on a busy phone: a write that never ends holds the copy's updates store, so
    // y-indexeddb's writes of what is typed now wait behind it until the page goes away.
    const copyName = (await deviceData(page)).databases.find((n) => n.startsWith(`gezinsplan/${planId}/`) && n.endsWith(`/${GEZAMENLIJK}`));
    expect(copyName).toBeDefined();
    await page.evaluate(
      (name) =>
        new Promise<void>((holding) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const store = open.result.transaction('updates', 'readwrite').objectStore('updates');
            const again = () => {
              store.count().onsuccess = again;
            };
            again();
            holding();
          };
        }),
      copyName!,
    );
    await typeAtEnd(page, justBeforeReload);
    const before = dialogs.length;
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.evaluate(() => setTimeout(() => location.reload(), 0))]);
    expect(dialogs.slice(before)).toEqual(['beforeunload']);
    await expect.poll(() => zorgenEditor(page).textContent(), WAIT).toContain(justBeforeReload);
    expect(await unsavedCount(page)).toBeGreaterThan(counted);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('gezinsplan-rescue:')))).toEqual([]);
  }, 60_000);

  it('[O4] the offline page has no serious or critical axe violations, also at 375 px', async () => {
    const page = jeugdbeschermer.page;
    expect(await checkA11y(page)).toEqual([]);
    await narrowToPhone(page);
    expect(await checkA11y(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('[O5] back online, the text reaches the other member live and the server', async () => {
    const page = jeugdbeschermer.page;
    await link.restore();
    const online = Date.now();
    await jeugdbeschermer.context.setOffline(false);

    await expect.poll(() => zorgenEditor(hulpverlener.page).textContent(), WAIT).toContain(afterReload);
    const reachedOther = Date.now() - online;
    expect(await zorgenEditor(hulpverlener.page).textContent()).toContain(offlineLine);
    await expect.poll(() => saveState(page), WAIT).toBe('saved');
    const saved = Date.now() - online;
    console.log(`[offline] back online → text at the other browser after ${reachedOther} ms, "Opgeslagen" after ${saved} ms`);

    // A fresh client only gets what the server holds.
    const gw = await signInAs(server.base, server.invitations, 'gedragswetenschapper');
    const fresh = connectDoc(server.base, gw.planId, GEZAMENLIJK, { cookie: gw.cookie });
    await waitFor(() => fresh.synced, 'a fresh client to sync');
    const text = fragmentText(proseField(fresh.doc, 'gezamenlijk', 'zorgen'));
    fresh.close();
    expect(text).toContain(offlineLine);
    expect(text).toContain(afterReload);
    expect(text).toContain(justBeforeReload);
    // Nothing unsaved any more: leaving the page asks nothing.
    const before = dialogs.length;
    await page.reload();
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
    expect(dialogs.length).toBe(before);
  }, 90_000);

  it('[O6] work refused after the teamoverleg closed goes to "Niet verwerkt", and the device copy does not bring it back', async () => {
    const ouderLink = await openCuttableLink(server.base);
    const ouder = await openAsMember(browser, { base: ouderLink.base, invitations: server.invitations }, 'ouder');
    ouder.page.on('dialog', (dialog) => void dialog.accept());
    const page = ouder.page;
    const line = 'Ouder schreef dit offline tijdens het overleg.';
    try {
      expect(await asJeugdbeschermer('POST', `/api/plans/${planId}/teamoverleg`, { open: true })).toBe(200);
      await expect.poll(() => zorgenEditor(page).getAttribute('contenteditable'), WAIT).toBe('true');
      await ouderLink.cut();
      await ouder.context.setOffline(true);
      await typeAtEnd(page, line);
      await expect.poll(() => unsavedCount(page), WAIT).toBeGreaterThan(0);
      expect(await asJeugdbeschermer('POST', `/api/plans/${planId}/teamoverleg`, { open: false })).toBe(200);

      await ouderLink.restore();
      await ouder.context.setOffline(false);
      const panel = page.getByTestId('not-processed');
      await expect.poll(() => panel.count(), WAIT).toBe(1);
      expect(await panel.getByRole('textbox', { name: 'Tekst die niet is verwerkt' }).inputValue()).toContain(line);
      await expect.poll(() => zorgenEditor(page).textContent(), WAIT).not.toContain(line);
      await expect.poll(() => saveState(page), WAIT).toBe('saved');

      expect(await zorgenEditor(hulpverlener.page).textContent()).not.toContain(line);

      // Reloaded without network, the page shows only the device copy: the refused line is not in it.
      await ouderLink.cut();
      await ouder.context.setOffline(true);
      await page.reload();
      await expect.poll(() => zorgenEditor(page).count(), WAIT).toBe(1);
      expect(await page.getByTestId('offline-note').isVisible()).toBe(true);
      expect(await zorgenEditor(page).textContent()).not.toContain(line);
    } finally {
      await ouder.context.close();
      await ouderLink.close();
    }
  }, 120_000);

  it('[O11] a teamoverleg that opens while a family member’s connection is away: once she is back, the common plan is writable for her', async () => {
    const netwerkLink = await openCuttableLink(server.base);
    // The ouder's demo invitation was used in [O6]; the informal network has the same rights here.
    const netwerk = await openAsMember(browser, { base: netwerkLink.base, invitations: server.invitations }, 'netwerk');
    netwerk.page.on('dialog', (dialog) => void dialog.accept());
    const page = netwerk.page;
    try {
      await expect.poll(() => saveState(page), WAIT).toBe('saved');
      expect(await zorgenEditor(page).getAttribute('contenteditable')).toBe('false');
      // Her sockets are gone when the rights change, so no 4409 can reach her: she is admitted with write
      // access when she comes back, and only the plan view fetched again tells the page.
      await netwerkLink.cut();
      await expect.poll(() => saveState(page), WAIT).toBe('offline');
      expect(await asJeugdbeschermer('POST', `/api/plans/${planId}/teamoverleg`, { open: true })).toBe(200);
      await netwerkLink.restore();
      await expect.poll(() => zorgenEditor(page).getAttribute('contenteditable'), WAIT).toBe('true');
      // Writable on the page is not enough: the server takes what she types and the others see it.
      const line = 'Het netwerk schreef dit tijdens het overleg.';
      await typeAtEnd(page, line);
      await expect.poll(() => saveState(page), WAIT).toBe('saved');
      await expect.poll(() => zorgenEditor(hulpverlener.page).textContent(), WAIT).toContain(line);
    } finally {
      expect(await asJeugdbeschermer('POST', `/api/plans/${planId}/teamoverleg`, { open: false })).toBe(200);
      await netwerk.context.close();
      await netwerkLink.close();
    }
  }, 120_000);

  it('[O7] a doc taken away loses its device copy, live (4403) or while the page was closed; readable docs keep theirs', async () => {
    const page = hulpverlener.page;
    const planUrl = page.url();
    const me = await page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { memberId: string }).memberId);
    const copies = async () => (await deviceData(page)).databases.filter((n) => n.startsWith(`gezinsplan/${planId}/${me}/`));
    const hasProfessioneel = async () => (await copies()).some((n) => n.includes('/professioneel'));
    const grant = (toegang: boolean) => asJeugdbeschermer('PUT', `/api/plans/${planId}/toegang/professioneel/${me}`, { toegang });
    const openWithGrant = async () => {
      expect(await grant(true)).toBe(200);
      // A right that grows closes no socket; the page learns of it on its next load.
      await page.goto(planUrl);
      await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
      await expect.poll(hasProfessioneel, WAIT).toBe(true);
    };

    await openWithGrant();
    expect(await grant(false)).toBe(200);
    await expect.poll(hasProfessioneel, WAIT).toBe(false);

    await openWithGrant();
    await page.goto('about:blank');
    expect(await grant(false)).toBe(200);
    await page.goto(planUrl);
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
    await expect.poll(hasProfessioneel, WAIT).toBe(false);
    expect((await copies()).some((n) => n.endsWith(`/${GEZAMENLIJK}`))).toBe(true);
  }, 90_000);

  it('[O8] "Afmelden op dit apparaat" ends the session and leaves no copy, cache or service worker behind', async () => {
    const page = jeugdbeschermer.page;
    const me = await page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { memberId: string }).memberId);
    expect((await deviceData(page)).databases.filter((n) => n.includes(`/${me}/`)).length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Afmelden op dit apparaat' }).click();
    await page.waitForURL((url) => url.pathname === '/', WAIT);
    await expect.poll(() => page.locator('main').textContent(), WAIT).toContain('uitnodiging');
    await expect.poll(() => deviceData(page), WAIT).toEqual({ databases: [], caches: [], workers: 0 });
    expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
  }, 60_000);

  it('[O9] warns before a doc reaches the size cap the plan view announces', async () => {
    const page = hulpverlener.page;
    // A tiny announced cap puts the demo plan past 80 % without filling a doc (the server's real cap is
    // shared by the whole file).
    await page.route('**/api/plans/*', async (route) => {
      try {
        const response = await route.fetch();
        const json = { ...((await response.json()) as object), limits: { docMaxBytes: 4096 } };
        await route.fulfill({ response, json });
      } catch {
        // A plan view fetched just before the reload (the page fetches it on every reconnect) is dropped by
        // the page, and fulfilling a dropped request throws. The page never sees that one; the poll below
        // still fails if no plan view with the cap arrives.
      }
    });
    await page.reload();
    await expect.poll(() => page.locator('.sync-warnings').textContent(), WAIT).toContain('Dit deel van het plan is bijna vol: het gezamenlijke plan');
    expect(await checkA11y(page)).toEqual([]);
    await page.unroute('**/api/plans/*');
  }, 60_000);
});
