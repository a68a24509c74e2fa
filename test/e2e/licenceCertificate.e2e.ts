import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, checkScreen, createDemo, ARTIFACTS } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const PASSWORD = 'Demostracion-Segura-2026!';
const nav = (page: Page, key: string) => page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t(key) });
const L = (key: string) => new RegExp(`^${t(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);

async function api(page: Page, url: string, name: string, input: unknown) {
  const u = new URL(url);
  const r = await page.request.post(`${u.origin}/api/call`, { headers: { Authorization: `Bearer ${u.searchParams.get('token')}`, 'Content-Type': 'application/json' }, data: { name, input } });
  const body = await r.json() as { ok: boolean; value?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.value as Record<string, unknown>;
}

async function signIn(page: Page, username: string) {
  await page.getByRole('button', { name: t('shell.lock') }).click();
  await page.getByLabel(L('unlock.username')).fill(username);
  await page.getByLabel(L('unlock.password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('unlock.submit') }).click();
  await expect(page.getByRole('heading', { name: t('home.title'), level: 1 })).toBeVisible();
}

/** On the demo workspace: the administrator creates the signing identity; a supervisor issues an active licence's certificate from its page. */
test('licence certificate issued from the licence page, in Spanish', async ({ page, server }) => {
  test.setTimeout(600_000);
  await createDemo(page, server.url, PASSWORD);

  await signIn(page, 'admin');
  await nav(page, 'documents.nav').click();
  await page.getByRole('button', { name: t('documents.createSelfSigned') }).click();
  await page.getByRole('button', { name: t('documents.createSelfSigned') }).click();
  await expect(page.getByTestId('fingerprint')).toBeVisible();

  const list = await api(page, server.url, 'licensing.list', { state: 'active', limit: 1 }) as { rows: { id: string; number: string }[] };
  const licence = list.rows[0]!;
  await signIn(page, 'supervisor');
  await page.goto(`${server.url.split('#')[0]}#/licensing/${licence.id}`);
  await expect(page.getByRole('heading', { name: licence.number, level: 1 })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('documents.issueCertificate') }).click()]);
  expect(download.suggestedFilename()).toMatch(/^LIC-\d{4}-\d{6}\.pdf$/);
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdfPath = join(ARTIFACTS, 'licence-certificate.pdf');
  await download.saveAs(pdfPath);
  expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain(licence.number);
  expect(execFileSync('pdfsig', [pdfPath], { encoding: 'utf8' })).toContain('Signature is Valid.');
  await checkScreen(page, 'licence-certificate-issued');
});
