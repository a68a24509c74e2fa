import { test, expect, checkScreen } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const ADMIN_PASSWORD = 'Vigilancia-2026!';
const nav = (page: import('@playwright/test').Page, key: string) => page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t(key) });
/** A form label as shown: the catalogue text, optionally followed by the "(obligatorio)" marker. */
const L = (key: string, params?: Record<string, string | number>) =>
  new RegExp(`^${t(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysFromNow = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

/**
 * A guard's credential as an officer takes it: register the person (the national id hint says
 * when the check digit is wrong), start vetting, try to credential without vetting and see the
 * refusal with its reason, record the criminal-record check and health certificate, assign the
 * employer, credential, and see the credential Active with its number, in the list too.
 */
test('credential a guard: refused without vetting, then Active with its number', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: t('setup.chooseCreate') }).click();
  await page.getByLabel(L('setup.agencyName')).fill('Dirección General de Servicios de Seguridad Privada');
  await page.getByLabel(L('setup.adminUsername')).fill('admin');
  await page.getByLabel(L('setup.adminDisplayName')).fill('Ana Administradora');
  await page.getByLabel(L('setup.password')).fill(ADMIN_PASSWORD);
  await page.getByLabel(L('form.confirmPassword')).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: t('setup.submitCreate') }).click();
  const key = (await page.getByTestId('recovery-key').innerText()).trim();
  const groups = key.split('-');
  for (const n of [2, 5]) await page.getByLabel(L('recovery.group', { n })).fill(groups[n - 1]);
  await page.getByRole('button', { name: t('recovery.continue') }).click();

  // An employer to assign later (after set-up the app lands on the home page).
  await page.getByRole('navigation').getByRole('link', { name: t('shell.area.companies') }).click();
  await page.getByRole('link', { name: t('companies.new') }).click();
  await page.getByLabel(L('companies.field.legalName')).fill('Seguridad Quetzal Integral, S.A.');
  await page.getByLabel(L('companies.field.taxId')).fill('1234567-9');
  await page.getByLabel(L('companies.field.legalRepName')).fill('María José Ajú Xicará');
  await page.getByLabel(L('service.static_guarding')).check();
  await page.getByLabel(L('companies.armed.yes')).check();
  await page.getByRole('button', { name: t('companies.form.create') }).click();
  await expect(page.getByRole('heading', { name: 'Seguridad Quetzal Integral, S.A.' })).toBeVisible();

  // The agency's own credential numbering, previewed as it is typed (an impossible pattern is explained).
  await nav(page, 'shell.area.settings').click();
  const pattern = page.getByLabel(L('settings.credentials.pattern'));
  await pattern.fill('DIGESSP-G-{year}');
  await expect(page.getByText(t('validation.pattern.noSeq'))).toBeVisible();
  await pattern.fill('DIGESSP-G-{year}-{seq:5}');
  const thisYear = new Date().getFullYear();
  await expect(page.getByText(t('settings.credentials.preview', { number: `DIGESSP-G-${thisYear}-00001` }))).toBeVisible();
  await page.getByRole('form', { name: t('settings.credentials.title') }).getByRole('button', { name: t('common.save') }).click();
  await expect(page.getByRole('form', { name: t('settings.credentials.title') }).getByText(t('settings.saved'))).toBeVisible();
  await checkScreen(page, 'personnel-00-credential-settings');

  // Register the guard.
  await nav(page, 'shell.area.personnel').click();
  await expect(page.getByRole('heading', { name: t('personnel.title'), level: 1 })).toBeVisible();
  await page.getByRole('link', { name: t('personnel.new') }).click();
  const nid = page.getByLabel(L('personnel.field.nationalId'));
  await nid.fill('2547 89642 0101'); // wrong check digit: the live hint says so
  await expect(page.getByText(t('validation.nationalIdCheckDigit', { document: 'DPI (CUI)' }))).toBeVisible();
  await page.getByLabel(L('personnel.field.givenNames')).fill('José Armando');
  await page.getByLabel(L('personnel.field.familyNames')).fill('Pérez Xicará');
  await page.getByLabel(L('personnel.field.birthDate')).fill(daysFromNow(-365 * 17)); // 17 years old
  await page.getByLabel(L('personnel.field.city')).fill('Mixco');
  await page.getByRole('button', { name: t('personnel.save') }).click();
  await expect(page.getByText(t('validation.nationalIdCheckDigit', { document: 'DPI (CUI)' })).first()).toBeVisible();
  await checkScreen(page, 'personnel-01-form-errors');
  await nid.fill('2547 89641 0101');
  await expect(page.getByText(t('personnel.hintValid', { document: 'DPI (CUI)', formatted: '2547 89641 0101' }))).toBeVisible();
  await page.getByRole('button', { name: t('personnel.save') }).click();
  await expect(page.getByText(t('validation.underAge', { years: 18 })).first()).toBeVisible();
  await page.getByLabel(L('personnel.field.birthDate')).fill('1990-05-14');
  await page.getByRole('button', { name: t('personnel.save') }).click();
  await expect(page.getByRole('heading', { name: 'José Armando Pérez Xicará' })).toBeVisible();
  await expect(page.getByText(t('credentialState.applicant')).first()).toBeVisible();

  // Start vetting, then try to credential without it.
  await page.getByRole('button', { name: t('credentialAction.startVetting') }).click();
  await page.getByRole('dialog').getByRole('button', { name: t('credentialAction.startVetting') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.pe-cred-state').getByText(t('credentialState.vetting'))).toBeVisible();
  await page.getByRole('button', { name: t('credentialAction.issue') }).click();
  await page.getByRole('dialog').getByRole('button', { name: t('credentialAction.issue') }).click();
  await expect(page.getByRole('dialog').getByText(t('errors.vettingCriminalMissing'))).toBeVisible();
  await checkScreen(page, 'personnel-02-credential-refused');
  await page.getByRole('dialog').getByRole('button', { name: t('common.cancel') }).click();

  // Record vetting through the edit form.
  await page.getByRole('link', { name: t('common.edit') }).click();
  await page.getByLabel(L('personnel.field.criminalCheckDate')).fill(daysFromNow(-10));
  await page.getByLabel(L('personnel.field.criminalCheckResult')).selectOption('clear');
  await page.getByLabel(L('personnel.field.criminalCheckReference')).fill('AP-2026-118734');
  await page.getByLabel(L('personnel.field.healthCertDate')).fill(daysFromNow(-20));
  await page.getByLabel(L('personnel.field.healthCertExpiry')).fill(daysFromNow(345));
  await page.getByRole('button', { name: t('personnel.save') }).click();
  await expect(page.getByRole('heading', { name: 'José Armando Pérez Xicará' })).toBeVisible();
  await expect(page.getByText(t('criminalResult.clear'))).toBeVisible();

  // Employer, then credential: straight to Active with its number.
  await page.getByRole('button', { name: t('personnel.setEmployer') }).click();
  const dlg = page.getByRole('dialog');
  await expect(dlg.getByLabel(L('personnel.field.companyId'))).toHaveValue(/.+/);
  await dlg.getByLabel(L('personnel.field.position')).fill('Agente de turno');
  await dlg.getByRole('button', { name: t('personnel.save') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Seguridad Quetzal Integral, S.A.' }).first()).toBeVisible();
  await page.getByRole('button', { name: t('credentialAction.issue') }).click();
  await page.getByRole('dialog').getByRole('button', { name: t('credentialAction.issue') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.pe-cred-state').getByText(t('credentialState.active'))).toBeVisible();
  const year = new Date().getFullYear();
  await expect(page.getByTestId('credential-number')).toHaveText(`DIGESSP-G-${year}-00001`);
  // A photo, kept encrypted as an attachment of the person (drawn here so the test needs no file).
  const png = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 300; c.height = 380;
    const g = c.getContext('2d')!;
    g.fillStyle = '#dfe6ee'; g.fillRect(0, 0, 300, 380);
    g.fillStyle = '#5b6b7e';
    g.beginPath(); g.arc(150, 140, 70, 0, Math.PI * 2); g.fill();
    g.beginPath(); g.ellipse(150, 380, 130, 150, 0, Math.PI, 0); g.fill();
    return c.toDataURL('image/png').split(',')[1];
  });
  await page.locator('.pe-photo input[type=file]').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await expect(page.getByRole('img', { name: 'José Armando Pérez Xicará' })).toBeVisible();
  // Only the actions allowed now: an administrator may suspend or revoke, not issue again.
  await expect(page.getByRole('button', { name: t('credentialAction.issue') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('credentialAction.suspend') })).toBeVisible();
  await checkScreen(page, 'personnel-03-active-credential');

  // A sanction against the credential, proposed from the person's page; it opens on its own page.
  const sanctions = page.getByRole('region', { name: t('sanctions.title') });
  await expect(sanctions.getByText(t('sanctions.empty'))).toBeVisible();
  await sanctions.getByRole('button', { name: t('sanctions.propose') }).click();
  const sd = page.getByRole('dialog');
  await sd.getByLabel(L('sanctions.field.legalBasis')).fill('Decreto 52-2010, art. 64');
  await sd.getByLabel(L('sanctions.field.reason')).fill('Portaba el arma fuera del puesto asignado.');
  await sd.getByRole('button', { name: t('sanctions.propose') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Portaba el arma fuera del puesto asignado.')).toBeVisible();
  await expect(page.getByText(t('sanctions.field.target.credential'))).toBeVisible();
  await expect(page.getByRole('link', { name: `DIGESSP-G-${year}-00001` })).toBeVisible();
  await checkScreen(page, 'personnel-05-sanction-proposed');

  // The list shows the guard Active with the number; search by national id without spaces.
  await nav(page, 'shell.area.personnel').click();
  await page.getByRole('searchbox').fill('2547896410101');
  const table = page.getByRole('grid').or(page.getByRole('table')).first();
  await expect(table.getByText(`DIGESSP-G-${year}-00001`)).toBeVisible();
  await expect(table.getByText(t('credentialState.active'))).toBeVisible();
  await checkScreen(page, 'personnel-04-list');
});
