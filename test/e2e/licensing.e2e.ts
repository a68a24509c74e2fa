import type { Page } from '@playwright/test';
import { test, expect, checkScreen, createDemo } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const PASSWORD = 'Demostracion-Segura-2026!';
const nav = (page: Page, key: string) => page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t(key) });
const L = (key: string, params?: Record<string, string | number>) =>
  new RegExp(`^${t(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);
const dialog = (page: Page) => page.getByRole('dialog');

async function signIn(page: Page, username: string) {
  await page.getByRole('button', { name: t('shell.lock') }).click();
  await expect(page.getByRole('heading', { name: t('unlock.title') })).toBeVisible();
  await page.getByLabel(L('unlock.username')).fill(username);
  await page.getByLabel(L('unlock.password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('unlock.submit') }).click();
  await expect(page.getByRole('heading', { name: t('home.title'), level: 1 })).toBeVisible();
}

/** Takes one step on the licence: the page's action button, then the dialog's submit button. */
async function step(page: Page, actionKey: string, fill?: (d: ReturnType<typeof dialog>) => Promise<void>) {
  await page.getByRole('region', { name: t('licensing.section.actions') }).getByRole('button', { name: t(actionKey), exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  if (fill) await fill(dialog(page));
  await dialog(page).getByRole('button', { name: t(actionKey), exact: true }).click();
  await expect(dialog(page)).toHaveCount(0);
}

/**
 * The licensing officer's day and the supervisor's decision, on the demo workspace: an
 * application from draft through an information request (the clock pauses) and the document
 * checklist to a recommendation; the officer cannot decide; a supervisor grants it; the
 * licence is Active with its patterned number, in the list, on the company page and the Due view.
 */
test('application to active licence with four eyes, in Spanish', async ({ page, server }) => {
  test.setTimeout(600_000); // a demo workspace and two sign-ins; these machines are shared
  await createDemo(page, server.url, PASSWORD);

  // The officer signs in and lands on the home screen with the due counts.
  await signIn(page, 'oficial');
  await expect(page.getByRole('heading', { name: t('home.dueTitle') })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(t('due.kind.guarantee_expiry')) })).toBeVisible();
  // The demo holds a few credentials that lapsed in the last days: the daily upkeep expired them
  // when the workspace opened, and the home screen says so.
  const notice = page.getByRole('status').filter({ hasText: t('home.expiredToday.title') });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/credenciales [1-9]/);
  await checkScreen(page, 'lic-01-home-officer');

  // The applications list shows every processing clock.
  await nav(page, 'licensing.title').click();
  await expect(page.getByRole('heading', { name: t('licensing.title'), level: 1 })).toBeVisible();
  await expect(page.getByText(/Día \d+ de \d+/).first()).toBeVisible();
  await checkScreen(page, 'lic-02-applications');

  // A new application for a demo company.
  await page.getByRole('link', { name: t('licensing.new') }).click();
  await expect(page.getByRole('heading', { name: t('licensing.create.title') })).toBeVisible();
  const companySelect = page.getByLabel(L('licensing.field.company'));
  await expect(companySelect.locator('option').nth(1)).toBeAttached();
  const companyName = (await companySelect.locator('option').nth(1).innerText()).split(' · ')[0]!;
  await companySelect.selectOption({ index: 1 });
  // Only the licence types that cover what the company does are offered, its services pre-ticked.
  const typeSelect = page.getByLabel(L('licensing.field.type'));
  await expect(typeSelect.locator('option').nth(1)).toBeAttached();
  const typeName = await typeSelect.locator('option').nth(1).innerText();
  await typeSelect.selectOption({ index: 1 });
  await expect(page.getByRole('group', { name: t('licensing.field.serviceTypes') }).getByRole('checkbox', { checked: true }).first()).toBeVisible();
  await checkScreen(page, 'lic-03-new-application');
  await page.getByRole('button', { name: t('licensing.create.submit') }).click();
  await expect(page.getByRole('heading', { name: typeName, level: 1 })).toBeVisible();
  await expect(page.getByText(t('licensing.state.draft')).first()).toBeVisible();
  const licenceUrl = page.url();

  await step(page, 'licensing.action.submit');
  await expect(page.getByText(t('licensing.state.submitted')).first()).toBeVisible();

  // An information request pauses the clock; the reason is required.
  await page.getByRole('region', { name: t('licensing.section.actions') }).getByRole('button', { name: t('licensing.action.request_information') }).click();
  await dialog(page).getByRole('button', { name: t('licensing.action.request_information') }).click();
  await expect(dialog(page).getByText(t('validation.required'))).toBeVisible();
  await dialog(page).getByLabel(L('licensing.field.note')).fill('Falta la póliza de responsabilidad civil vigente.');
  await checkScreen(page, 'lic-04-request-information');
  await dialog(page).getByRole('button', { name: t('licensing.action.request_information') }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByText(/En pausa · día 0 de \d+/)).toBeVisible();
  await expect(page.getByText('Falta la póliza de responsabilidad civil vigente.')).toBeVisible();
  await checkScreen(page, 'lic-05-information-requested');

  await step(page, 'licensing.action.receive_information');
  await expect(page.getByText(t('licensing.state.submitted')).first()).toBeVisible();

  // The officer ticks the required documents; inspection only appears once all are received.
  const inspect = page.getByRole('region', { name: t('licensing.section.actions') }).getByRole('button', { name: t('licensing.action.start_inspection') });
  await expect(inspect).toHaveCount(0);
  const boxes = page.getByRole('region', { name: t('licensing.section.checklist') }).getByRole('checkbox');
  const n = await boxes.count();
  expect(n).toBeGreaterThan(2);
  for (let i = 0; i < n; i++) {
    await boxes.nth(i).click();
    await expect(page.getByText(t('licensing.checklist.progress', { done: i + 1, total: n }))).toBeVisible();
  }
  await checkScreen(page, 'lic-06-checklist-complete');
  await step(page, 'licensing.action.start_inspection');
  await expect(page.getByText(t('licensing.state.pre_licence_inspection')).first()).toBeVisible();

  // The recommendation, with legal basis and reasons. The officer has no grant button.
  await step(page, 'licensing.action.recommend', async (d) => {
    await d.getByLabel(L('licensing.field.recommendation')).selectOption('grant');
    await d.getByLabel(L('licensing.field.legalBasis')).fill('Decreto 52-2010, art. 21');
    await d.getByLabel(L('licensing.field.reason')).fill('Documentación completa; inspección previa favorable.');
  });
  await expect(page.getByText(/Recomendó .* el /)).toBeVisible();
  await expect(page.getByRole('button', { name: t('licensing.action.grant') })).toHaveCount(0);
  await checkScreen(page, 'lic-07-recommended');

  // The supervisor decides.
  await signIn(page, 'supervisor');
  await page.goto(licenceUrl);
  await expect(page.getByRole('heading', { name: typeName, level: 1 })).toBeVisible();
  await page.getByRole('region', { name: t('licensing.section.actions') }).getByRole('button', { name: t('licensing.action.grant') }).click();
  // The decision is taken with the pre-licence inspection in view (none was linked in this run).
  await expect(dialog(page).getByText(t('licensing.inspections.none'))).toBeVisible();
  await dialog(page).getByLabel(L('licensing.field.legalBasis')).fill('Decreto 52-2010, art. 21');
  await dialog(page).getByLabel(L('licensing.field.reason')).fill('Cumple los requisitos legales; se otorga por 24 meses.');
  await checkScreen(page, 'lic-08-grant-dialog');
  await dialog(page).getByRole('button', { name: t('licensing.action.grant') }).click();
  await expect(dialog(page)).toHaveCount(0);
  const year = new Date().getFullYear();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(new RegExp(`^DIGESSP-[A-Z]{2,3}-${year}-\\d{3,4}$`));
  const number = (await heading.innerText()).trim();
  await expect(page.getByText(t('licensing.state.active')).first()).toBeVisible();
  await expect(page.getByText('Cumple los requisitos legales; se otorga por 24 meses.')).toBeVisible();
  await checkScreen(page, 'lic-09-granted');

  // In the list of licences, Active with its number.
  await nav(page, 'licensing.title').click();
  await page.getByLabel(L('licensing.filter.stage')).selectOption('licence');
  await page.getByRole('searchbox').fill(number);
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toBeVisible();
  await expect(row).toContainText(t('licensing.state.active'));
  await checkScreen(page, 'lic-10-licence-in-list');

  // The company page lists it and its timeline shows the grant.
  await page.goto(licenceUrl);
  await page.getByRole('link', { name: companyName }).first().click();
  await expect(page.getByRole('heading', { name: t('licensing.companyPanel.licences') })).toBeVisible();
  await expect(page.getByRole('region', { name: t('timeline.title') }).getByText(t('timeline.licence.grant', { number }))).toBeVisible();
  await checkScreen(page, 'lic-11-company-page');

  // The Due view.
  await nav(page, 'due.title').click();
  await expect(page.getByRole('heading', { name: t('due.title'), level: 1 })).toBeVisible();
  await page.getByRole('button', { name: t('due.window.90') }).click();
  await expect(page.getByRole('table', { name: t('due.title') })).toBeVisible();
  await checkScreen(page, 'lic-12-due');
});
