import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser } from '../helpers/browser';
import { startServer } from '../helpers/startServer';

/**
 * Who takes part, in the browser (issue #6): the jeugdbeschermer invites someone and gets a link that works,
 * changes a role, and revokes access — each through the server, and the page follows.
 */

const WAIT = { timeout: 30_000, interval: 100 };

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const jb = server.invitations.find((i) => i.role === 'jeugdbeschermer')!;
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${server.base}/uitnodiging#${jb.token}`);
  await page.waitForURL(/\/plan\/[A-Za-z0-9_-]+$/, WAIT);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close({ remove: true });
});

describe('the jeugdbeschermer manages who takes part', () => {
  it('invites a network member; the link signs a new browser in to the plan', async () => {
    const members = page.getByTestId('members');
    await members.getByLabel('Naam', { exact: true }).fill('Fatima El Amrani');
    await members.getByLabel('Rol', { exact: true }).selectOption('netwerk');
    await members.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const link = await page.getByTestId('invite-link').inputValue();
    expect(link).toContain('/uitnodiging#');
    await expect.poll(() => members.getByRole('row', { name: /Fatima El Amrani/ }).count(), WAIT).toBe(1);

    const guest = await (await browser.newContext()).newPage();
    await guest.goto(link.replace(/^https?:\/\/[^/]+/, server.base));
    await guest.waitForURL(/\/plan\/[A-Za-z0-9_-]+$/, WAIT);
    await expect.poll(() => guest.getByText('Fatima El Amrani').first().count(), WAIT).toBeGreaterThan(0);
    await guest.context().close();
  }, 90_000);

  it('changes a role and revokes access after a confirmation', async () => {
    const members = page.getByTestId('members');
    await members.getByLabel('Rol van Fatima El Amrani').selectOption('hulpverlener');
    await expect.poll(() => members.getByLabel('Rol van Fatima El Amrani').inputValue(), WAIT).toBe('hulpverlener');
    const row = members.getByRole('row', { name: /Fatima El Amrani/ });
    await row.getByRole('button', { name: 'Toegang intrekken' }).click();
    await row.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect.poll(() => members.getByRole('row', { name: /Fatima El Amrani/ }).count(), WAIT).toBe(0);
  }, 60_000);

  it('the members section has no serious axe violations', async () => {
    expect(await checkA11y(page)).toEqual([]);
  }, 60_000);
});
