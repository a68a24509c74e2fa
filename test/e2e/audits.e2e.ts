import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, checkScreen, ARTIFACTS } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const ADMIN_PASSWORD = 'Vigilancia-2026!';
const L = (key: string, params?: Record<string, string | number>) => new RegExp(`^${t(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);
const nav = (page: Page, key: string) => page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t(key) });

async function api(page: Page, url: string, name: string, input: unknown) {
  const u = new URL(url);
  const r = await page.request.post(`${u.origin}/api/call`, { headers: { Authorization: `Bearer ${u.searchParams.get('token')}`, 'Content-Type': 'application/json' }, data: { name, input } });
  const body = await r.json() as { ok: boolean; value?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.value as Record<string, unknown>;
}

/**
 * An armory inspection as an officer runs it: signing identity, plan, schedule, fieldwork with
 * the 21 items answered from the keyboard (two non-compliant), quality review, the signed
 * report issued and compared with the screen, then verified in the app (and a tampered copy refused).
 */
test('armory inspection to a verified signed report, in Spanish', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: t('setup.chooseCreate') }).click();
  await page.getByLabel(L('setup.agencyName')).fill('Dirección General de Servicios de Seguridad Privada');
  await page.getByLabel(L('setup.adminUsername')).fill('admin');
  await page.getByLabel(L('setup.adminDisplayName')).fill('Ana Administradora');
  await page.getByLabel(L('setup.password')).fill(ADMIN_PASSWORD);
  await page.getByLabel(L('form.confirmPassword')).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: t('setup.submitCreate') }).click();
  const key = (await page.getByTestId('recovery-key').innerText()).trim().split('-');
  for (const n of [2, 5]) await page.getByLabel(L('recovery.group', { n })).fill(key[n - 1]);
  await page.getByRole('button', { name: t('recovery.continue') }).click();
  await expect(page.getByRole('heading', { name: t('companies.title'), level: 1 })).toBeVisible();

  await api(page, server.url, 'companies.create', {
    country: 'GT', taxId: '1234567-9', legalName: 'Seguridad Quetzal Integral, S.A.', tradeName: 'Quetzal Seguridad', legalRepName: 'María José Ajú Xicará',
    city: 'Ciudad de Guatemala', address: '6a Avenida 12-34, zona 10', serviceTypes: ['static_guarding', 'escort'], armed: true,
  });

  // The agency's signing identity, created by the administrator; its fingerprint is shown.
  await nav(page, 'documents.nav').click();
  await expect(page.getByText(t('documents.identityNone'))).toBeVisible();
  await page.getByRole('button', { name: t('documents.createSelfSigned') }).click();
  await page.getByRole('button', { name: t('documents.createSelfSigned') }).click();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await checkScreen(page, 'audits-01-signing-identity');

  // Plan the armory inspection.
  await nav(page, 'audits.nav').click();
  await expect(page.getByRole('heading', { name: t('audits.title'), level: 1 })).toBeVisible();
  await page.getByRole('link', { name: t('audits.plan') }).click();
  await page.getByLabel(L('audits.field.company')).selectOption({ label: 'Seguridad Quetzal Integral, S.A. (1234567-9)' });
  await page.getByLabel(L('audits.field.type')).selectOption('routine');
  await page.getByLabel(L('audits.field.site')).selectOption('armory');
  await page.getByLabel(L('audits.field.siteLabel')).fill('Armería central, 20 calle 5-12 zona 12');
  await page.getByLabel(L('audits.field.template')).selectOption({ index: 1 });
  await page.getByLabel(L('audits.field.plannedDate')).fill('2026-11-26');
  await page.getByLabel(L('audits.field.lead')).selectOption({ label: 'Ana Administradora' });
  await checkScreen(page, 'audits-02-plan');
  await page.getByRole('button', { name: t('audits.plan') }).click();
  await expect(page.getByRole('heading', { name: /Seguridad Quetzal Integral/ })).toBeVisible();

  await page.getByRole('button', { name: t('audits.action.schedule') }).click();
  await page.getByRole('button', { name: t('audits.action.start_fieldwork') }).click();
  await expect(page.getByText(t('audits.keys'))).toBeVisible();

  // Answer the 21 items from the keyboard: 1 (compliant) everywhere, 3 / N on items 4 and 9.
  await page.getByTestId('item-1').focus();
  for (let i = 1; i <= 21; i++) {
    await page.keyboard.press(i === 4 ? '3' : i === 9 ? 'n' : '1');
  }
  await expect(page.getByText(t('audits.answeredOf', { answered: 21, total: 21 }))).toBeVisible();
  // A note on item 4: back up with K, Enter, type, Enter.
  await page.getByTestId('item-4').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('No existe registro de llaves; las guarda el jefe de turno sin firma.');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/No existe registro de llaves/).first()).toBeVisible();
  await expect(page.getByTestId('live-score')).toHaveText('49.0');
  await expect(page.getByText(t('audits.cappedNote', { cap: 49 }))).toBeVisible();
  await expect(page.getByRole('heading', { name: `${t('audits.findings')} (2)` })).toBeVisible();
  await checkScreen(page, 'audits-03-checklist-answered');

  await page.getByRole('button', { name: t('audits.action.finish_fieldwork') }).click();
  await page.getByRole('button', { name: t('audits.action.submit_for_review') }).click();
  await expect(page.getByRole('button', { name: t('audits.action.issue') })).toBeVisible();
  await page.getByRole('button', { name: t('audits.action.issue') }).click();
  const issuedText = page.getByText(/Informe emitido: INS-\d{4}-\d{6}/);
  await expect(issuedText).toBeVisible({ timeout: 30_000 });
  const serial = /INS-\d{4}-\d{6}/.exec(await issuedText.innerText())![0];
  await checkScreen(page, 'audits-04-issued');

  // The PDF: save it, render its first page, and compare with what the screen says.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('audits.openPdf') }).first().click()]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdfPath = join(ARTIFACTS, 'audits-report.pdf');
  await download.saveAs(pdfPath);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(ARTIFACTS, 'audits-report-page1')]);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(first).toContain(serial);
  expect(first).toContain('Seguridad Quetzal Integral, S.A.');
  expect(first).toContain('49.0');
  expect(first).toContain(t('audits.rating.unsatisfactory'));
  expect(first).toContain('Armería central, 20 calle 5-12 zona 12');
  const sig = execFileSync('pdfsig', [pdfPath], { encoding: 'utf8' });
  expect(sig).toContain('Signature is Valid.');
  expect(sig).toContain('Total document signed');

  // Verify it in the app; then a copy with one byte flipped.
  await nav(page, 'documents.nav').click();
  await expect(page.getByRole('cell', { name: serial })).toBeVisible();
  await page.getByTestId('verify-input').setInputFiles(pdfPath);
  await expect(page.getByTestId('verify-result')).toContainText(t('documents.verify.status.valid'));
  await expect(page.getByTestId('verify-result')).toContainText(serial);
  await checkScreen(page, 'audits-05-verify-valid');
  const bytes = readFileSync(pdfPath);
  bytes[Math.floor(bytes.length / 3)] ^= 0x01;
  const badPath = join(ARTIFACTS, 'audits-report-tampered.pdf');
  writeFileSync(badPath, bytes);
  await page.getByTestId('verify-input').setInputFiles(badPath);
  await expect(page.getByTestId('verify-result')).toContainText(t('documents.verify.status.tampered'));
  await checkScreen(page, 'audits-06-verify-tampered');

  // The inspections list shows the issued, capped score; certifications list the expiring one.
  await nav(page, 'audits.nav').click();
  await expect(page.getByText('49.0 *')).toBeVisible();
  await checkScreen(page, 'audits-07-inspections-list');
  const companies = await api(page, server.url, 'companies.list', {}) as { rows: { id: string }[] };
  await api(page, server.url, 'certifications.create', {
    companyId: companies.rows[0].id, standard: 'icoca_psc1', certificateNumber: 'PSC1-0042', certificationBody: 'Certificadora Andina', accreditationBody: 'ANAB',
    scope: 'Vigilancia fija y escolta', issuedOn: '2024-02-01', expiresOn: '2027-01-31', surveillanceDates: ['2026-02-01', '2027-01-15'],
  });
  await nav(page, 'audits.cert.nav').click();
  await expect(page.getByRole('cell', { name: /PSC1-0042/ })).toBeVisible();
  await page.getByRole('button', { name: t('audits.certAction.certify') }).click();
  await expect(page.getByText(t('audits.certStatus.certified'))).toBeVisible();
  await checkScreen(page, 'audits-08-certifications');

  // Editing the used armory checklist makes version 2; version 1 stays as it was, replaced.
  await nav(page, 'audits.tpl.nav').click();
  const armoryRow = page.getByRole('row', { name: /ARMORY-ISACS/ });
  await expect(armoryRow.getByText(t('audits.tpl.inUse'))).toBeVisible();
  await armoryRow.getByRole('button', { name: t('audits.tpl.edit') }).click();
  await page.getByRole('button', { name: t('audits.tpl.addItem') }).click();
  const last = page.locator('.au-tpl-item').last();
  await last.getByLabel(new RegExp(`^${t('audits.tpl.text')} \\(ES\\)`)).fill('Simulacro anual de respuesta a intrusión');
  await last.getByLabel(new RegExp(`^${t('audits.tpl.text')} \\(EN\\)`)).fill('Yearly intrusion-response drill');
  await last.getByLabel(L('audits.tpl.ref')).fill('IATG 09.10');
  await checkScreen(page, 'audits-09-checklist-edit');
  await page.getByRole('button', { name: t('audits.tpl.saveVersion') }).click();
  await expect(page.getByRole('row', { name: /ARMORY-ISACS.*v2.*22/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /ARMORY-ISACS.*v1.*21/ }).getByText(t('audits.tpl.status.retired'))).toBeVisible();
  await checkScreen(page, 'audits-10-checklists');
});
