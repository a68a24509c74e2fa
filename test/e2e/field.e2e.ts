import { join } from 'node:path';
import { test, expect, checkScreen } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const ADMIN_PASSWORD = 'Vigilancia-2026!';
const PASSPHRASE = 'Gira Zacapa, noviembre 2026!';
const L = (key: string) => new RegExp(`^${t(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);
type Page = import('@playwright/test').Page;

/** Calls the back end from inside the page with the page's own token, as the UI does. */
async function api(page: Page, name: string, input: unknown) {
  const r = await page.evaluate(async ([n, i]) => {
    const token = sessionStorage.getItem('centinela.token');
    const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: n, input: i }) });
    return res.json();
  }, [name, input] as const);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function editCompany(page: Page, id: string, patch: Record<string, unknown>) {
  const c = await api(page, 'companies.get', { id });
  const { id: _i, version, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...fields } = c;
  await api(page, 'companies.update', { id, version, fields: { ...fields, ...patch } });
}

/**
 * The office prepares a package for an inspector; the inspector opens it on "their laptop" (a
 * field copy), records what was found and exports the return; the office previews it, decides
 * the one conflict, applies it and sees the field's notes in the register.
 */
test('field package: export, open in the field, return, import with a conflict', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: t('setup.title') })).toBeVisible();
  const setup = await api(page, 'session.setup', {
    agencyName: 'Dirección General de Servicios de Seguridad Privada', country: 'GT', language: 'es',
    adminUsername: 'admin', adminDisplayName: 'Ana Administradora', password: ADMIN_PASSWORD,
  });
  const officeId = setup.session.workspace.id as string;
  const company = await api(page, 'companies.create', {
    country: 'GT', taxId: '1234567-9', legalName: 'Seguridad Quetzal Integral, S.A.', legalRepName: 'María José Ajú Xicará', city: 'Zacapa',
    phone: '+502 7941 1000', serviceTypes: ['static_guarding'], armed: true, icocaStatus: 'none', notes: 'Sin visitas previas', owners: [], branches: [],
  });
  await api(page, 'companies.create', { country: 'GT', taxId: '7654321-8', legalName: 'Custodia Maya del Oriente, S.A.', legalRepName: 'Héctor Cifuentes', city: 'Chiquimula', serviceTypes: ['escort'], armed: false, icocaStatus: 'none', owners: [], branches: [] });
  await api(page, 'users.create', { username: 'gabriela', displayName: 'Gabriela Xicará', role: 'supervisor', temporaryPassword: 'Temporal#Clave77' });

  // Office: the export dialog.
  await page.goto(`${new URL(server.url).origin}/#/field`);
  await page.reload();
  await expect(page.getByRole('heading', { name: t('field.title'), level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: t('field.exportTitle') });
  await form.getByLabel(L('field.label')).fill('Visita Zacapa, noviembre');
  await form.getByLabel(t('field.searchCompanies')).fill('quetzal');
  await form.getByLabel('Seguridad Quetzal Integral, S.A.').check();
  await expect(page.getByTestId('field-chosen')).toContainText('Seguridad Quetzal Integral, S.A.');
  await form.getByLabel(/Gabriela Xicará/).check();
  await form.getByLabel(L('field.passphrase')).fill('corta');
  await expect(page.getByText(t('password.tooShort')).first()).toBeVisible();
  await form.getByLabel(L('field.passphrase')).fill(PASSPHRASE);
  await form.getByLabel(L('form.confirmPassword')).fill(PASSPHRASE);
  const pkg = join(server.dataDir, 'visita-zacapa.cfp');
  await form.getByLabel(L('field.file')).fill(pkg);
  await checkScreen(page, 'fieldwork-03-export-dialog');
  await form.getByRole('button', { name: t('field.export') }).click();
  await expect(page.getByTestId('field-exported')).toContainText(pkg);

  // The inspector's laptop: open the package (a new field copy), work, export the return.
  await api(page, 'session.lock', {});
  await page.goto(`${new URL(server.url).origin}/#/open-field`);
  await page.reload();
  await expect(page.getByRole('heading', { name: t('field.openTitle') })).toBeVisible();
  await page.getByLabel(L('field.file')).fill(pkg);
  await page.getByLabel(L('field.passphrase')).fill(PASSPHRASE);
  await page.getByLabel(L('field.username')).fill('gabriela');
  await page.getByLabel(L('field.copyPassword')).fill('Laptop-Campo#2026');
  await page.getByLabel(L('form.confirmPassword')).fill('Laptop-Campo#2026');
  await page.getByRole('button', { name: t('field.open') }).click();
  await expect(page.getByTestId('field-copy')).toBeVisible();
  // Only the chosen company came along.
  expect((await api(page, 'companies.list', {})).rows.map((r: { legalName: string }) => r.legalName)).toEqual(['Seguridad Quetzal Integral, S.A.']);
  await editCompany(page, company.id, { notes: 'Armería: 11 de 12 armas presentes; falta la serie 55-1234. Representante presente: Lic. Juárez.', phone: '+502 7941 2222' });
  await page.reload();
  await expect(page.getByTestId('field-pending')).toContainText('2');
  await page.getByLabel(L('field.passphrase')).fill(PASSPHRASE);
  await page.getByLabel(L('form.confirmPassword')).fill(PASSPHRASE);
  const ret = join(server.dataDir, 'regreso-zacapa.cfp');
  await page.getByLabel(L('field.file')).fill(ret);
  await page.getByRole('button', { name: t('field.exportReturn') }).click();
  await expect(page.getByTestId('field-returned')).toBeVisible();
  await checkScreen(page, 'fieldwork-04-field-copy');

  // Back at the office, someone changed the phone meanwhile: a conflict.
  await api(page, 'session.unlock', { workspaceId: officeId, username: 'admin', password: ADMIN_PASSWORD });
  await editCompany(page, company.id, { phone: '+502 7941 3333' });
  await page.goto(`${new URL(server.url).origin}/#/field`);
  await page.reload();
  const imp = page.getByRole('region', { name: t('field.importTitle') });
  await imp.getByLabel(L('field.returnFile')).fill(ret);
  await imp.getByLabel(L('field.passphrase')).fill(PASSPHRASE);
  await imp.getByRole('button', { name: t('field.preview') }).click();
  const conflicts = page.getByTestId('field-conflicts');
  await expect(conflicts).toContainText('+502 7941 3333');
  await expect(conflicts).toContainText('+502 7941 2222');
  await expect(page.getByTestId('field-changes')).toContainText('falta la serie 55-1234');
  await expect(page.getByRole('button', { name: t('field.apply') })).toBeDisabled();
  await conflicts.getByLabel(t('field.keepField')).check();
  await checkScreen(page, 'fieldwork-05-import-preview');
  await page.getByRole('button', { name: t('field.apply') }).click();
  await expect(page.getByTestId('field-imported')).toBeVisible();
  const after = await api(page, 'companies.get', { id: company.id });
  expect(after.notes).toContain('falta la serie 55-1234');
  expect(after.phone).toBe('+502 7941 2222');
  await page.goto(`${new URL(server.url).origin}/#/companies/${company.id}`);
  await expect(page.getByText('falta la serie 55-1234')).toBeVisible();
  await checkScreen(page, 'fieldwork-06-company-after-import');
});
