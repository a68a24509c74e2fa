import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { test, expect, checkScreen } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const ADMIN_PASSWORD = 'Vigilancia-2026!';
const L = (key: string) => new RegExp(`^${t(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);

/** Calls the back end from inside the page, with the page's own token (as the UI does). */
async function api(page: import('@playwright/test').Page, name: string, input: unknown) {
  return page.evaluate(async ([n, i]) => {
    const token = sessionStorage.getItem('centinela.token');
    const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: n, input: i }) });
    return res.json();
  }, [name, input] as const);
}

/**
 * An administrator makes a backup from the backups page, checks it with the recovery key
 * (counts and last journal entry shown), and restores it into a new folder.
 */
test('backup, check and restore from the backups page', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: t('setup.title') })).toBeVisible();
  const setup = await api(page, 'session.setup', {
    agencyName: 'Dirección General de Servicios de Seguridad Privada', country: 'GT', language: 'es',
    adminUsername: 'admin', adminDisplayName: 'Ana Administradora', password: ADMIN_PASSWORD,
  });
  expect(setup.ok, JSON.stringify(setup.error)).toBe(true);
  const recoveryKey = setup.value.recoveryKey as string;
  await api(page, 'companies.create', {
    country: 'GT', taxId: '1234567-9', legalName: 'Seguridad Quetzal Integral, S.A.', legalRepName: 'María José Ajú Xicará', city: 'Quetzaltenango',
    serviceTypes: ['static_guarding'], armed: true, icocaStatus: 'none', owners: [], branches: [],
  });
  const usb = join(server.dataDir, 'usb');
  // In the desktop app the preload adds the system's file dialog next to `call`; here a stand-in
  // answers as a person choosing the USB drive would, and keeps what it was asked.
  await page.addInitScript((dir) => {
    const w = window as unknown as { centinela: unknown; pickRequests: unknown[] };
    w.pickRequests = [];
    w.centinela = { pickPath: async (r: { kind: string }) => { w.pickRequests.push(r); return r.kind === 'folder' ? dir : null; } };
  }, usb);
  await page.goto(`${new URL(server.url).origin}/#/backups`);
  await page.reload();
  await expect(page.getByRole('heading', { name: t('backups.title'), level: 1 })).toBeVisible();

  await expect(page.getByLabel(L('backups.folder'))).toHaveValue('');
  await page.getByRole('button', { name: t('form.browse') }).first().click();
  await expect(page.getByLabel(L('backups.folder'))).toHaveValue(usb);
  expect(await page.evaluate(() => (window as unknown as { pickRequests: unknown[] }).pickRequests)).toEqual([{ kind: 'folder', title: t('backups.folder') }]);
  await page.getByLabel(t('backups.enabled')).check();
  await page.getByLabel(L('backups.intervalHours')).fill('12');
  await page.getByLabel(L('backups.keep')).fill('7');
  await page.getByRole('button', { name: t('backups.saveSettings') }).click();
  await expect(page.getByText(t('backups.saved'))).toBeVisible();
  await page.getByRole('button', { name: t('backups.createNow') }).click();
  await expect(page.getByTestId('backup-made')).toBeVisible();
  await expect(page.getByTestId('backups-table').getByRole('row')).toHaveCount(2);
  expect(readdirSync(usb)).toHaveLength(1);
  await checkScreen(page, 'fieldwork-01-backups');

  // A wrong recovery key is named; the right one shows what the backup holds.
  await page.getByLabel(L('backups.recoveryKey')).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
  await page.getByRole('button', { name: t('backups.verify') }).click();
  await expect(page.getByText(t('errors.backupWrongRecoveryKey')).first()).toBeVisible();
  await page.getByLabel(L('backups.recoveryKey')).fill(recoveryKey);
  await page.getByRole('button', { name: t('backups.verify') }).click();
  await expect(page.getByTestId('restore-report')).toContainText(t('backups.reportChecked'));
  await expect(page.getByTestId('restore-counts').getByRole('row', { name: /companies/ })).toContainText('1');

  const target = join(server.dataDir, 'restauraciones', 'copia-1');
  await page.getByLabel(L('backups.restoreTarget')).fill(target);
  await page.getByRole('button', { name: t('backups.restore'), exact: true }).click();
  await expect(page.getByTestId('restore-report')).toContainText(t('backups.reportRestored', { path: target }));
  expect(readdirSync(target).sort()).toEqual(expect.arrayContaining(['centinela.db', 'keyring.json']));
  await checkScreen(page, 'fieldwork-02-restore-report');
});
