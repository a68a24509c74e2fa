import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../shared/i18n/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(root, 'test', 'artifacts', 'screens');

/** A fresh browser-mode server on its own empty data folder, one per test. */
export const test = base.extend<{ server: { url: string; dataDir: string } }>({
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'centinela-e2e-'));
    const child: ChildProcess = spawn(process.execPath, ['electron/serve.ts', '--data', dataDir], {
      cwd: root,
      env: { ...process.env, CENTINELA_TEST_FAST_KDF: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    await use({ url, dataDir });
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Screenshot kept as a test artifact, and an axe scan with no serious or critical violation. */
export async function checkScreen(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), `axe on ${name}`).toEqual([]);
}

export { expect };

/**
 * First run on the demo workspace, as the Spanish screens offer it: choose the demo, set its
 * password, confirm two groups of the recovery key, continue. Leaves the app past the recovery screen.
 */
export async function createDemo(page: Page, url: string, password: string): Promise<void> {
  const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
  const label = (key: string, params?: Record<string, string | number>) =>
    new RegExp(`^${t(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?( \\(.*\\))?$`);
  await page.goto(url);
  await page.getByRole('button', { name: t('setup.chooseDemo') }).click();
  await page.getByLabel(label('setup.demoPassword')).fill(password);
  await page.getByLabel(label('form.confirmPassword')).fill(password);
  await page.getByRole('button', { name: t('setup.submitDemo') }).click();
  await expect(page.getByRole('heading', { name: t('recovery.title') })).toBeVisible({ timeout: 60_000 });
  const groups = (await page.getByTestId('recovery-key').innerText()).trim().split('-');
  for (const n of [2, 5]) await page.getByLabel(label('recovery.group', { n })).fill(groups[n - 1]!);
  await page.getByRole('button', { name: t('recovery.continue') }).click();
}
