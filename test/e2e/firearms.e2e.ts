import { test, expect, checkScreen } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const ADMIN_PASSWORD = 'Vigilancia-2026!';
const L = (key: string, params?: Record<string, string | number>) =>
  new RegExp(`^${t(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);

/** Calls a command through the page's own transport (same token, same session) to set up records other areas own. */
async function api<T = { id: string }>(page: Page, name: string, input: unknown): Promise<T> {
  const r = await page.evaluate(async ([n, i]) => {
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('centinela.token')}` },
      body: JSON.stringify({ name: n, input: i }),
    });
    return res.json();
  }, [name, input] as const);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The firearms register as an officer uses it: register a pistol, issue it to a qualified guard
 * (an unqualified one is refused with the reason), return it, report it stolen ten days after the
 * event and see the late flag, then find it again by a partial serial typed another way.
 */
test('pistol: register, issue, return, late theft report, trace by partial serial', async ({ page, server }) => {
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
  await expect(page.getByRole('navigation', { name: t('shell.navLabel') })).toBeVisible();

  // Records owned by other areas (company register, personnel), made through their commands.
  const company = await api(page, 'companies.create', {
    country: 'GT', taxId: '1234567-9', legalName: 'Seguridad Quetzal Integral, S.A.', legalRepName: 'María José Ajú Xicará',
    serviceTypes: ['static_guarding'], armed: true, owners: [], branches: [],
  });
  await api(page, 'armories.create', { companyId: company.id, name: 'Armería central zona 10', address: '6a Avenida 12-34, zona 10', city: 'Guatemala', alarmLink: 'police', cameras: 6, retentionDays: 30, keyCustodians: [{ name: 'Julio Coj Tzul' }] });
  const vetting = { criminalCheckDate: day(-40), criminalCheckResult: 'clear', criminalCheckReference: 'AP-2026-118734', healthCertDate: day(-60), healthCertExpiry: day(300) };
  const person = (given: string, family: string, cui: string) => ({
    idCountry: 'GT', nationalId: cui, givenNames: given, familyNames: family, birthDate: '1990-05-14', nationality: 'GT', rightToWork: true,
    role: 'armed_guard', city: 'Mixco', ...vetting,
  });
  const credential = async (id: string) => {
    await api(page, 'personnel.transitionCredential', { personId: id, action: 'startVetting' });
    await api(page, 'personnel.transitionCredential', { personId: id, action: 'issue' });
  };
  const qualified = await api(page, 'personnel.create', person('José Armando', 'Pérez Xicará', '3000000060101'));
  await credential(qualified.id);
  await api(page, 'personnel.addQualification', { personId: qualified.id, calibre: '9 mm', qualifiedOn: day(-30), requalifyBy: day(335) });
  const unqualified = await api(page, 'personnel.create', person('Luis Fernando', 'Tzoc Ajanel', '3000000140101'));
  await credential(unqualified.id);
  await api(page, 'personnel.addQualification', { personId: unqualified.id, calibre: '.38 SPL', qualifiedOn: day(-30), requalifyBy: day(335) });

  // Register a pistol; the calibre typed the Brazilian way is recognised as it is typed.
  await page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t('shell.area.firearms') }).click();
  await expect(page.getByRole('heading', { name: t('firearms.title'), level: 1 })).toBeVisible();
  await page.getByRole('link', { name: t('firearms.register') }).click();
  await page.getByLabel(L('firearms.field.company')).selectOption({ label: 'Seguridad Quetzal Integral, S.A.' });
  await page.getByLabel(L('firearms.field.armory')).selectOption({ label: 'Armería central zona 10' });
  await page.getByLabel(L('firearms.field.make')).fill('Jericho');
  await page.getByLabel(L('firearms.field.model')).fill('941 FS');
  await page.getByLabel(L('firearms.field.calibre')).fill('.45');
  await expect(page.getByText(t('calibres.ambiguous', { candidates: '.45 ACP, .45 Colt' }))).toBeVisible();
  await page.getByLabel(L('firearms.field.calibre')).fill('9 mm Parabellum');
  await expect(page.getByText(t('firearms.calibreResolved', { canonical: '9×19 mm' }), { exact: false })).toBeVisible();
  await page.getByLabel(L('firearms.field.serial')).fill('JX-00871-B');
  await page.getByLabel(L('firearms.field.manufacturer')).fill('Israel Weapon Industries');
  await page.getByLabel(L('firearms.field.countryOfManufacture')).fill('Israel');
  await page.getByLabel(L('firearms.field.year')).fill('2019');
  await page.getByLabel(L('firearms.field.importMark')).fill('GT-DIGECAM 2020');
  await page.getByLabel(L('firearms.field.permitNumber')).fill('TEN-2020-004512');
  await checkScreen(page, 'fa-01-register-form');
  await page.getByRole('button', { name: t('firearms.register') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('JX-00871-B');
  await expect(page.getByText(t('firearmState.in_armory')).first()).toBeVisible();
  await checkScreen(page, 'fa-02-firearm-page');

  // A typo in the record is corrected from the firearm's page (the form comes back filled in).
  await page.getByRole('link', { name: t('firearms.edit') }).click();
  await expect(page.getByLabel(L('firearms.field.serial'))).toHaveValue('JX-00871-B');
  await page.getByLabel(L('firearms.field.model')).fill('941 FS Baby Eagle');
  await checkScreen(page, 'fa-02b-firearm-edit');
  await page.getByRole('button', { name: t('common.save') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jericho 941 FS Baby Eagle');

  // Issue: the unqualified guard is refused with the reason; the qualified one is accepted.
  await page.getByRole('button', { name: t('firearmAction.issue') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(L('firearms.form.guard')).fill('Tzoc');
  await dialog.getByRole('button', { name: /Luis Fernando Tzoc Ajanel/ }).click();
  await dialog.getByLabel(L('firearms.form.post')).fill('Agencia bancaria, 7a Avenida zona 4');
  await dialog.getByRole('button', { name: t('firearmAction.issue') }).click();
  await expect(dialog.getByText(t('errors.holderNotQualified', { calibre: '9×19 mm', date: day(0) }))).toBeVisible();
  await checkScreen(page, 'fa-03-issue-refused');
  await dialog.getByLabel(L('firearms.form.guard')).fill('Pérez');
  await dialog.getByRole('button', { name: /José Armando Pérez Xicará/ }).click();
  await dialog.getByRole('button', { name: t('firearmAction.issue') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(t('firearmState.issued')).first()).toBeVisible();
  await expect(page.getByText(/José Armando Pérez Xicará/).first()).toBeVisible();
  await checkScreen(page, 'fa-04-issued');

  // Return it.
  await page.getByRole('button', { name: t('firearmAction.return') }).click();
  await page.getByRole('dialog').getByRole('button', { name: t('firearmAction.return') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(t('firearmState.in_armory')).first()).toBeVisible();

  // Stolen ten days ago, reported today: past the 8-day legal deadline, flagged late.
  await page.getByRole('button', { name: t('firearmAction.reportStolen') }).click();
  const theft = page.getByRole('dialog');
  await theft.getByLabel(L('firearms.form.eventDate')).fill(day(-10));
  await theft.getByLabel(L('firearms.form.reportDate')).fill(day(0));
  await theft.getByLabel(L('firearms.form.policeReportNumber')).fill('MP001-2026-88731');
  await theft.getByLabel(L('firearms.form.circumstances')).fill('Asalto al vehículo de transporte de valores en la ruta al Atlántico.');
  await checkScreen(page, 'fa-05-theft-dialog');
  await theft.getByRole('button', { name: t('firearmAction.reportStolen') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(t('firearms.lateFlag', { days: 10, deadline: 8 }))).toBeVisible();
  await expect(page.getByText(t('firearmState.stolen')).first()).toBeVisible();
  await checkScreen(page, 'fa-06-stolen-late');
  // Only the actions the table allows from "stolen" are offered.
  await expect(page.getByRole('button', { name: t('firearmAction.issue') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('firearmAction.recover') })).toBeVisible();

  // Trace: a partial serial typed differently (lower case, no dashes) finds it.
  await page.getByRole('link', { name: t('firearms.trace'), exact: true }).click();
  await page.getByRole('searchbox').fill('0871b');
  const table = page.getByRole('grid').or(page.getByRole('table')).first();
  await expect(table.getByText('JX-00871-B')).toBeVisible();
  await expect(table.getByText(t('firearmState.stolen'))).toBeVisible();
  await checkScreen(page, 'fa-07-trace-partial-serial');
  await page.getByRole('searchbox').fill('zz999');
  await expect(table.getByText('JX-00871-B')).toHaveCount(0);

  // The alerts list the late report.
  await page.getByRole('link', { name: t('firearms.alerts'), exact: true }).click();
  await expect(page.getByRole('cell', { name: 'MP001-2026-88731' })).toBeVisible();
  await checkScreen(page, 'fa-08-alerts');

  // The other screens of the area render and pass the accessibility scan.
  await page.getByRole('link', { name: t('armories.title'), exact: true }).click();
  await expect(page.getByText('Armería central zona 10')).toBeVisible();
  await checkScreen(page, 'fa-09-armories');
  await api(page, 'ammunition.receive', { companyId: company.id, calibre: '9x19', ammoType: 'fmj', lotNumber: 'CBC-2026-07', manufacturer: 'CBC', quantity: 500, date: day(-5) });
  await page.getByRole('link', { name: t('ammo.title'), exact: true }).click();
  await expect(page.getByRole('cell', { name: 'CBC-2026-07' })).toBeVisible();
  await page.getByRole('button', { name: t('ammo.consume') }).first().click();
  await page.getByRole('dialog').getByLabel(L('ammo.quantity')).fill('600');
  await page.getByRole('dialog').getByRole('button', { name: t('ammo.consume') }).click();
  await expect(page.getByRole('dialog').getByText(t('errors.ammoNegativeBalance', { balance: 500, quantity: 600 }))).toBeVisible();
  await checkScreen(page, 'fa-10-ammo-negative-refused');
  await page.getByRole('dialog').getByRole('button', { name: t('common.cancel') }).click();
  await page.getByRole('link', { name: t('calibres.title'), exact: true }).click();
  await page.getByLabel(L('firearms.field.calibre')).fill('7,65mm/.380 (arma multicalibre)');
  await expect(page.getByText(/7\.65×17 mm \(\.32 ACP\) \/ \.380 ACP/)).toBeVisible();
  await checkScreen(page, 'fa-11-calibres');

  // A revoked licence leaves a custody list of the company's weapons to account for (licensing calls the same function).
  await api(page, 'firearms.openCustody', { companyId: company.id, reason: 'revoked' });
  await page.getByRole('link', { name: t('custody.title'), exact: true }).click();
  await page.getByRole('button', { name: t('custody.show') }).first().click();
  await expect(page.getByRole('link', { name: 'JX-00871-B' })).toBeVisible();
  await checkScreen(page, 'fa-12-custody');
});
