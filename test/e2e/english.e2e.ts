import type { Page } from '@playwright/test';
import { test, expect, checkScreen, createDemo } from './fixtures.ts';
import { catalogues, translate } from '../../shared/i18n/index.ts';

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const PASSWORD = 'Demostracion-2026!';

/** Every sidebar area an administrator sees, by its label key (as in renderer/app/Shell.tsx). */
const AREAS = [
  'home.title', 'due.title', 'shell.area.companies', 'shell.area.personnel', 'licensing.title', 'sanctions.title',
  'shell.area.firearms', 'audits.nav', 'audits.tpl.nav', 'audits.cert.nav', 'documents.nav', 'nav.returns',
  'nav.incidents', 'nav.grievances', 'nav.statistics', 'shell.area.journal', 'shell.area.users', 'shell.area.settings',
  'shell.area.backups', 'shell.area.account',
];

const KEYS = new Set(Object.keys(catalogues.en));

/**
 * Catalogue keys shown as text: a string that was never translated. Text in `code` is left out:
 * the journal shows command names (`users.create`) as identifiers, on purpose.
 */
async function rawKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const c of body.querySelectorAll('code')) c.remove();
    return body.innerText;
  });
  return [...new Set(text.match(/\b[a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+\b/g) ?? [])].filter((w) => KEYS.has(w));
}

/**
 * The demo workspace in English: every area of the sidebar opens with its English heading, shows
 * no untranslated catalogue key, passes axe, and is kept as a screenshot. The Spanish screens are
 * covered area by area in the other e2e files.
 */
test('every area in English, on the demo workspace', async ({ page, server }) => {
  test.setTimeout(300_000);
  await createDemo(page, server.url, PASSWORD);

  await page.getByRole('button', { name: en('lang.en') }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: en('shell.navLabel') });
  for (const [i, key] of AREAS.entries()) {
    await nav.getByRole('link', { name: en(key), exact: true }).click();
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await rawKeys(page), `untranslated keys on ${key}`).toEqual([]);
    await checkScreen(page, `en-${String(i + 1).padStart(2, '0')}-${key.replace(/\./g, '-')}`);
  }
});
