import { test, expect, checkScreen } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const ADMIN_PASSWORD = 'Vigilancia-2026!';
const nav = (page: import('@playwright/test').Page, key: string) => page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t(key) });
/** A form label as shown: the catalogue text, optionally followed by the "(obligatorio)" marker. */
const L = (key: string, params?: Record<string, string | number>) =>
  new RegExp(`^${t(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);

/**
 * The walking skeleton as an officer uses it: first-run set-up → create a company → find it
 * by search → sort → lock → unlock → sign in as an analyst, who sees no create button and
 * whose direct create command is refused.
 */
test('first run to analyst, in Spanish', async ({ page, server }) => {
  await page.goto(server.url);

  // First run: choose to create the agency's workspace.
  await expect(page.getByRole('heading', { name: t('setup.title') })).toBeVisible();
  await checkScreen(page, '01-first-run');
  await page.getByRole('button', { name: t('setup.chooseCreate') }).click();
  await page.getByLabel(L('setup.agencyName')).fill('Dirección General de Servicios de Seguridad Privada');
  await page.getByLabel(L('setup.adminUsername')).fill('admin');
  await page.getByLabel(L('setup.adminDisplayName')).fill('Ana Administradora');
  await page.getByLabel(L('setup.password')).fill(ADMIN_PASSWORD);
  await page.getByLabel(L('form.confirmPassword')).fill(ADMIN_PASSWORD);
  await checkScreen(page, '02-setup-form');
  await page.getByRole('button', { name: t('setup.submitCreate') }).click();

  // The recovery key is shown once and must be confirmed by retyping two groups.
  await expect(page.getByRole('heading', { name: t('recovery.title') })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').innerText()).trim();
  expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await checkScreen(page, '03-recovery-key');
  const groups = key.split('-');
  for (const n of [2, 5]) await page.getByLabel(L('recovery.group', { n })).fill(groups[n - 1]);
  await page.getByRole('button', { name: t('recovery.continue') }).click();

  // The home screen after sign-in; the register, empty; create a company.
  await expect(page.getByRole('heading', { name: t('home.title'), level: 1 })).toBeVisible();
  await nav(page, 'shell.area.companies').click();
  await expect(page.getByRole('heading', { name: t('companies.title'), level: 1 })).toBeVisible();
  await page.getByRole('link', { name: t('companies.new') }).click();
  await page.getByLabel(L('companies.field.legalName')).fill('Vigilancia Xolotlán del Altiplano, S.A.');
  await page.getByLabel(L('companies.field.taxId')).fill('1234567-8');
  await page.getByLabel(L('companies.field.legalRepName')).fill('María José Ajú Xicará');
  await page.getByLabel(L('companies.field.city')).fill('Quetzaltenango');
  await page.getByLabel(L('service.static_guarding')).check();
  await page.getByLabel(L('companies.armed.yes')).check();
  await page.getByRole('button', { name: t('companies.form.create') }).click();
  // A wrong check digit is named beside the field; nothing is saved.
  await expect(page.getByText(t('validation.taxIdCheckDigit')).first()).toBeVisible();
  await checkScreen(page, '04-company-form-error');
  await page.getByLabel(L('companies.field.taxId')).fill('1234567-9');
  await page.getByRole('button', { name: t('companies.form.create') }).click();
  await expect(page.getByRole('heading', { name: 'Vigilancia Xolotlán del Altiplano, S.A.' })).toBeVisible();
  await checkScreen(page, '05-company-detail');

  // A second one, so sorting has something to order.
  await page.goto(`${new URL(server.url).origin}/#/companies/new`);
  await page.getByLabel(L('companies.field.legalName')).fill('Alfa Custodia Maya, S.A.');
  await page.getByLabel(L('companies.field.taxId')).fill('7654321-8');
  await page.getByLabel(L('companies.field.legalRepName')).fill('Héctor Cifuentes');
  await page.getByLabel(L('service.escort')).check();
  await page.getByLabel(L('companies.armed.no')).check();
  await page.getByRole('button', { name: t('companies.form.create') }).click();
  await expect(page.getByRole('heading', { name: 'Alfa Custodia Maya, S.A.' })).toBeVisible();

  // Find it by search (accent-insensitive, partial words).
  await nav(page, 'shell.area.companies').click();
  const table = page.getByRole('grid').or(page.getByRole('table')).first();
  await expect(table.getByText('Alfa Custodia Maya, S.A.')).toBeVisible();
  await page.getByRole('searchbox').fill('xolotlan altipl');
  await expect(table.getByText('Vigilancia Xolotlán del Altiplano, S.A.')).toBeVisible();
  await expect(table.getByText('Alfa Custodia Maya, S.A.')).toHaveCount(0);
  await checkScreen(page, '06-companies-search');
  await page.getByRole('searchbox').fill('');
  await expect(table.getByText('Alfa Custodia Maya, S.A.')).toBeVisible();

  // Sort by legal name, descending then ascending.
  const rowsText = async () => (await table.getByRole('row').allInnerTexts()).slice(1).join('\n');
  const header = table.getByRole('columnheader', { name: t('companies.field.legalName') });
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
  const firstOrder = await header.getAttribute('aria-sort');
  if (firstOrder === 'ascending') await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await rowsText()).indexOf('Vigilancia') < (await rowsText()).indexOf('Alfa')).toBe(true);
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => (await rowsText()).indexOf('Alfa') < (await rowsText()).indexOf('Vigilancia')).toBe(true);
  await checkScreen(page, '07-companies-sorted');

  // Create an analyst account while we are the administrator.
  await nav(page, 'shell.area.users').click();
  await expect(page.getByRole('heading', { name: t('users.title'), level: 1 })).toBeVisible();
  await checkScreen(page, '08-users');
  await page.getByRole('button', { name: t('users.new') }).click();
  await page.getByLabel(L('users.username')).fill('analista');
  await page.getByLabel(L('users.displayName')).fill('Andrés Peña');
  await page.getByLabel(L('users.role')).selectOption('analyst');
  await page.getByLabel(L('users.temporaryPassword')).fill('Temporal#Clave77');
  await page.getByLabel(L('form.confirmPassword')).fill('Temporal#Clave77');
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Andrés Peña' })).toBeVisible();

  // The journal shows what was done.
  await nav(page, 'shell.area.journal').click();
  await expect(page.getByText('companies.create').first()).toBeVisible();
  await page.getByRole('button', { name: t('journal.verify') }).click();
  await expect(page.getByText(t('journal.verifyOk')).first()).toBeVisible();
  await checkScreen(page, '09-journal');

  // Lock, then unlock with the password.
  await page.getByRole('button', { name: t('shell.lock') }).click();
  await expect(page.getByRole('heading', { name: t('unlock.title') })).toBeVisible();
  await checkScreen(page, '10-unlock');
  await page.getByLabel(L('unlock.username')).fill('admin');
  await page.getByLabel(L('unlock.password')).fill('contraseña-equivocada');
  await page.getByRole('button', { name: t('unlock.submit') }).click();
  await expect(page.getByText(t('errors.wrongPassword'))).toBeVisible();
  await page.waitForTimeout(1_200);
  await page.getByLabel(L('unlock.password')).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: t('unlock.submit') }).click();
  // Back where the officer was when the session locked.
  await expect(page.getByRole('heading', { name: t('journal.title'), level: 1 })).toBeVisible();

  // Sign in as the analyst: must change the temporary password, then sees no create button.
  await page.getByRole('button', { name: t('shell.lock') }).click();
  await page.getByLabel(L('unlock.username')).fill('analista');
  await page.getByLabel(L('unlock.password')).fill('Temporal#Clave77');
  await page.getByRole('button', { name: t('unlock.submit') }).click();
  await page.getByLabel(L('account.currentPassword')).fill('Temporal#Clave77');
  await page.getByLabel(L('account.newPassword')).fill('Analista-Propia-2026');
  await page.getByLabel(L('form.confirmPassword')).fill('Analista-Propia-2026');
  await page.getByRole('button', { name: t('account.mustChangeSubmit') }).click();
  await expect(page.getByRole('heading', { name: t('home.title'), level: 1 })).toBeVisible();
  await nav(page, 'shell.area.companies').click();
  await expect(page.getByRole('heading', { name: t('companies.title'), level: 1 })).toBeVisible();
  await expect(page.getByText('Alfa Custodia Maya, S.A.')).toBeVisible();
  await expect(page.getByRole('link', { name: t('companies.new') })).toHaveCount(0);
  await expect(nav(page, 'shell.area.users')).toHaveCount(0);
  await checkScreen(page, '11-analyst-companies');

  // The main process refuses the command itself, not just the hidden button.
  const refused = await page.evaluate(async () => {
    const token = sessionStorage.getItem('centinela.token');
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'companies.create', input: { country: 'GT', taxId: '1111111-9', legalName: 'Intrusa, S.A.', legalRepName: 'X', serviceTypes: ['canine'], armed: false } }),
    });
    return res.json();
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await page.reload();
  await expect(page.getByText('Intrusa, S.A.')).toHaveCount(0);
});

test('the local server refuses calls without the token or from another origin', async ({ server, request }) => {
  const origin = new URL(server.url).origin;
  const noToken = await request.post(`${origin}/api/call`, { data: { name: 'session.status', input: {} } });
  expect(noToken.status()).toBe(401);
  const token = new URL(server.url).searchParams.get('token');
  const foreign = await request.post(`${origin}/api/call`, {
    data: { name: 'session.status', input: {} },
    headers: { authorization: `Bearer ${token}`, origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  const ok = await request.post(`${origin}/api/call`, { data: { name: 'session.status', input: {} }, headers: { authorization: `Bearer ${token}` } });
  expect((await ok.json()).value.state).toBe('setup');
  const page = await request.get(`${origin}/`);
  expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
});
