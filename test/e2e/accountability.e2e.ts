import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { test, expect, checkScreen, createDemo } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';
import type { Page } from '@playwright/test';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const DEMO_PASSWORD = 'Demostracion-2026!';
const L = (key: string, params?: Record<string, string | number>) =>
  new RegExp(`^${t(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?( \\(.*\\))?$`);
const nav = (page: Page, key: string) => page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t(key) });

/** A command through the same HTTP gate as the screen (for registers whose screens are not built yet). */
async function api(page: Page, name: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: unknown }> {
  return page.evaluate(async ([n, i]) => {
    const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('centinela.token')}` }, body: JSON.stringify({ name: n, input: i }) });
    return res.json();
  }, [name, input] as const);
}

async function demo(page: Page, url: string) {
  await createDemo(page, url, DEMO_PASSWORD);
  await expect(nav(page, 'nav.statistics')).toBeVisible();
}

/**
 * Accountability as an officer and an analyst use it, on the demo workspace: record an incident
 * with a stolen pistol, a grievance with its reference code and restricted identity, the
 * statistics with a drill-down to the list behind a bar, the public register and the annual report.
 */
test('incident, grievance, statistics and publications, in Spanish', async ({ page, server }) => {
  test.setTimeout(240_000);
  await demo(page, server.url);

  // The agency's signing identity (Documents), needed for the signed publications.
  await nav(page, 'documents.nav').click();
  await page.getByRole('button', { name: t('documents.createSelfSigned') }).first().click();
  for (const [key, value] of [['documents.commonName', 'Dirección General de Servicios de Seguridad Privada'], ['documents.organization', 'DIGESSP'], ['documents.country', 'GT']] as const) {
    const input = page.getByLabel(L(key));
    if (!(await input.inputValue())) await input.fill(value);
  }
  await page.getByRole('button', { name: t('documents.createSelfSigned') }).last().click();
  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 30_000 });

  // Incident: a pistol stolen at a post.
  await nav(page, 'nav.incidents').click();
  await expect(page.getByRole('heading', { name: t('incidents.title'), level: 1 })).toBeVisible();
  await checkScreen(page, 'acc-01-incidents');
  await page.getByRole('link', { name: t('incidents.new') }).click();
  const picker = page.locator('.acc-company-picker');
  await picker.getByRole('searchbox').fill('a');
  await expect(picker.getByRole('combobox').locator('option')).not.toHaveCount(1);
  const firstCompany = await picker.getByRole('combobox').locator('option').nth(1).getAttribute('value');
  await picker.getByRole('combobox').selectOption(firstCompany!);
  // The company's pistol in the firearms register (registered through the gate: that register has no screen yet).
  const reg = await api(page, 'firearms.register', { companyId: firstCompany, type: 'pistol', make: 'Jericho', model: '941', calibre: '9 mm Parabellum', serial: 'JR-778812' });
  expect(reg.ok, JSON.stringify(reg.error)).toBe(true);
  expect(reg.value.state).toBe('in_armory');
  await page.getByLabel(L('incidents.occurredAt')).fill('2026-11-21T22:40');
  await page.getByLabel(L('incidents.region')).fill('Escuintla');
  await page.getByLabel(L('incidents.municipality')).fill('Santa Lucía Cotzumalguapa');
  await page.getByLabel(t('incidents.type.firearm_theft')).check();
  await page.getByLabel(L('incidents.description')).fill('Dos hombres armados redujeron al agente en la garita y se llevaron su pistola de dotación.');
  await page.getByRole('button', { name: t('incidents.new') }).click();
  // A theft without the stolen firearm is refused, named beside the firearms.
  await expect(page.getByText(t('validation.lossNeedsFirearm'))).toBeVisible();
  await page.getByRole('button', { name: t('incidents.addFirearm') }).click();
  await page.getByLabel(L('incidents.serial')).fill('JR-778812');
  await page.getByLabel(L('incidents.firearmType')).fill('Pistola');
  await page.getByLabel(L('incidents.make')).fill('Jericho');
  await page.getByLabel(L('incidents.calibre')).fill('9mm');
  await page.getByLabel(L('incidents.policeReport')).fill('MP-2026-88812');
  // The guard on duty, chosen from the personnel register by national id, with the keyboard.
  const staff = await api(page, 'personnel.list', { companyId: firstCompany, limit: 1 });
  const anyone = staff.value.rows.length ? staff : await api(page, 'personnel.list', { limit: 1 });
  const guard = anyone.value.rows[0] as { id: string; givenNames: string; familyNames: string; nationalId: string };
  const guardName = `${guard.givenNames} ${guard.familyNames}`;
  const who = page.getByRole('combobox', { name: t('people.fromRegister') });
  await who.fill(guard.nationalId);
  await expect(page.getByRole('option', { name: new RegExp(guard.nationalId) })).toBeVisible();
  await who.press('ArrowDown');
  await who.press('Enter');
  const chosen = page.getByRole('list', { name: t('people.chosen') });
  await expect(chosen.getByText(guardName)).toBeVisible();
  await expect(who).toHaveValue('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('incidents.new'));
  await checkScreen(page, 'acc-02-incident-form');
  await page.getByRole('button', { name: t('incidents.new') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('INC-');
  const incidentUrl = page.url();
  const incidentNumber = (await page.getByRole('heading', { level: 1 }).locator('.mono').innerText()).trim();
  const involved = page.getByRole('region', { name: t('incidents.personnelShort') });
  await expect(involved.getByRole('link', { name: guardName })).toHaveAttribute('href', `#/personnel/${guard.id}`);
  await expect(involved.getByText(guard.nationalId)).toBeVisible();
  const arms = page.getByRole('region', { name: t('incidents.firearms') });
  await expect(arms.getByText('JR-778812')).toBeVisible();
  await expect(arms.locator('.badge', { hasText: t('incidents.outcome.stolen') })).toBeVisible();
  // The firearm moved to stolen in its register, through its state machine.
  await expect(arms.getByTestId('register-state')).toHaveText(t('firearmState.stolen'));
  const after = await api(page, 'firearms.get', { id: reg.value.id });
  expect(after.value.state).toBe('stolen');
  const timeline = await api(page, 'firearms.timeline', { id: reg.value.id });
  expect(timeline.value.map((e: { kind: string }) => e.kind)).toContain('reportStolen');
  await checkScreen(page, 'acc-03-incident-detail');
  await page.getByRole('button', { name: t('incidents.action.startReview') }).click();
  await page.getByRole('dialog').getByRole('button', { name: t('incidents.action.startReview') }).click();
  await expect(page.getByRole('button', { name: t('incidents.action.closeReview') })).toBeVisible();

  // Grievance: received by phone, identity restricted and journaled when viewed.
  await nav(page, 'nav.grievances').click();
  await page.getByRole('link', { name: t('grievances.new') }).click();
  await page.getByLabel(L('grievances.complainant.fullName')).fill('Juana Pérez Coc');
  await page.getByLabel(L('grievances.complainant.contact')).fill('+502 5555 1234');
  await page.getByLabel(t('grievances.retaliation')).check();
  await page.getByLabel(L('grievances.category')).selectOption('use_of_force');
  await page.getByLabel(L('grievances.summary')).fill('El agente empujó a mi hijo en la garita del mercado y lo amenazó.');
  await checkScreen(page, 'acc-04-grievance-form');
  await page.getByRole('button', { name: t('grievances.new') }).click();
  const code = (await page.locator('.acc-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByText('Juana')).toHaveCount(0);
  await checkScreen(page, 'acc-05-grievance-detail');
  await page.getByRole('button', { name: t('grievances.revealIdentity') }).click();
  await page.getByLabel(L('grievances.revealPurpose')).fill('Citar a audiencia');
  await page.getByRole('dialog').getByRole('button', { name: t('grievances.revealIdentity') }).click();
  await expect(page.getByText('Juana Pérez Coc')).toBeVisible();
  await expect(page.getByText(t('grievances.identityJournaled'))).toBeVisible();
  // The code finds it from the list search.
  await nav(page, 'nav.grievances').click();
  await page.getByRole('searchbox').fill(code.toLowerCase());
  await expect(page.getByRole('row').filter({ hasText: code })).toHaveCount(1);
  await page.getByRole('searchbox').fill('');
  await expect(page.getByText(/Filas 1–50 de/)).toBeVisible();
  await checkScreen(page, 'acc-06-grievances');

  // Statistics: every figure, then drill down from a bar to the list behind it.
  await nav(page, 'nav.statistics').click();
  await expect(page.getByRole('heading', { name: t('statistics.title'), level: 1 })).toBeVisible();
  const byType = page.locator('[data-figure="incidentsByType"]');
  await expect(byType.locator('canvas')).toBeVisible();
  await page.waitForTimeout(800);
  await checkScreen(page, 'acc-07-statistics');
  // Click the chart itself: the first (top) bar of the horizontal chart.
  const box = (await byType.locator('canvas').first().boundingBox())!;
  const bars = byType.locator('details tbody tr');
  const firstLabel = (await bars.first().locator('th').innerText()).trim();
  await byType.locator('canvas').first().click({ position: { x: 175, y: 30 } });
  const drill = page.getByRole('region', { name: new RegExp(t('statistics.figure.incidentsByType')) });
  await page.waitForTimeout(300);
  const viaCanvas = await drill.isVisible().catch(() => false);
  console.log(`drill-down opened from the ${viaCanvas ? 'chart canvas' : 'data table'}`);
  if (!viaCanvas) {
    // The bar under the pointer depends on the data; fall back to the chart's data table.
    await byType.getByText(t('statistics.figureTable')).click();
    await bars.first().getByRole('button').click();
  }
  await expect(drill).toBeVisible();
  expect(box.width).toBeGreaterThan(200);
  await expect(drill.getByRole('heading', { level: 2 })).toContainText(firstLabel);
  await expect(drill.getByRole('row').nth(1)).toBeVisible();
  await checkScreen(page, 'acc-08-statistics-drill');
  await drill.getByRole('button', { name: new RegExp(t('statistics.back')) }).click();

  // Thefts by year include the one just recorded.
  const thefts = page.locator('[data-figure="firearmLossesByYear"]');
  await thefts.getByText(t('statistics.figureTable')).click();
  await thefts.getByRole('row', { name: /2026/ }).getByRole('button').last().click();
  await expect(page.getByRole('link', { name: /INC-2026-.*/ }).first()).toBeVisible();
  await page.getByRole('button', { name: new RegExp(t('statistics.back')) }).click();

  // Public register: a ZIP with CSV, JSON, HTML and the signed manifest.
  const dl = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: t('statistics.publicRegister') }).click();
  const file = await (await dl).path();
  const zip = unzipSync(new Uint8Array(readFileSync(file!)));
  expect(Object.keys(zip).sort()).toEqual(['agency-certificate.pem', 'index.html', 'manifest.json', 'manifest.json.p7s', 'registro-publico.csv', 'registro-publico.json', 'sanciones-firmes.csv']);
  expect(Buffer.from(zip['index.html']!).toString('utf8')).not.toContain('Juana');
  await expect(page.getByText(/Registro público exportado/)).toBeVisible();

  // Annual report: signed PDF.
  await page.getByRole('button', { name: t('statistics.annualReport') }).first().click();
  const dl2 = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('dialog').getByRole('button', { name: t('statistics.annualReport') }).click();
  const pdf = readFileSync((await (await dl2).path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.includes(Buffer.from('/ByteRange'))).toBe(true);
  await expect(page.getByText(/Informe anual 2026 firmado/)).toBeVisible({ timeout: 30_000 });
  await checkScreen(page, 'acc-09-published');

  // Home: what needs the officer today, with links to the filtered lists.
  await page.goto(`${new URL(server.url).origin}/#/home`);
  const cards = page.getByRole('region', { name: t('home.accountabilityTitle') });
  await expect(cards.getByRole('link', { name: new RegExp(t('home.incidentsToReview')) })).toBeVisible();
  await checkScreen(page, 'acc-10-home');
  await cards.getByRole('link', { name: new RegExp(t('home.incidentsToReview')) }).click();
  await expect(page.getByRole('heading', { name: t('incidents.title'), level: 1 })).toBeVisible();
  await expect(page.getByLabel(t('incidents.status'))).toHaveValue('reported');

  // The guard's page lists the incident, linked back to it.
  await page.goto(incidentUrl);
  await page.getByRole('region', { name: t('incidents.personnelShort') }).getByRole('link', { name: guardName }).click();
  await expect(page.getByRole('heading', { level: 1, name: guardName })).toBeVisible();
  const record = page.getByRole('region', { name: t('people.page.title') });
  await expect(record.getByRole('link', { name: incidentNumber })).toBeVisible();
  // Ours among any the demo seed already linked to this guard, each with its status.
  await expect(record.getByRole('row').filter({ hasText: incidentNumber }).getByText(t('incidents.status.under_review'))).toBeVisible();
  await record.scrollIntoViewIfNeeded();
  await checkScreen(page, 'acc-11-person-incidents');
  await record.getByRole('link', { name: incidentNumber }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(incidentNumber);
});
