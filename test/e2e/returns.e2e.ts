import { test, expect, checkScreen } from './fixtures.ts';
import { translate } from '../../shared/i18n/index.ts';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { csv, firearm, FIREARMS_HEADER } from '../helpers/returnsFiles.ts';

const t = (key: string, params?: Record<string, string | number>) => translate('es', key, params);
const ADMIN_PASSWORD = 'Vigilancia-2026!';

/** A workspace with a licensed company whose 2025 return is on file (so 2026's can be reconciled). */
function prepare(dataDir: string) {
  const script = fileURLToPath(new URL('../helpers/returnsE2eWorkspace.ts', import.meta.url));
  const r = spawnSync(process.execPath, [script, dataDir], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** The 2026 return as the company sends it: Latin-1, semicolons, a title block, dd/mm/yyyy, one unusual column. */
function return2026(fixed: boolean) {
  const header = [...FIREARMS_HEADER.slice(0, 7), 'Código de marcaje ITI', ...FIREARMS_HEADER.slice(8)];
  return Buffer.from(csv([header,
    firearm({ serial: 'gl 100234', mark: 'GT-2019-0012' }),
    firearm({ serial: 'TX-99881', make: 'Taurus', model: 'PT92', status: 'En reparación' }),
    firearm({ serial: 'ESC-4411', make: 'Mossberg', model: '500', type: 'Escopeta', cal: fixed ? '12 GA' : 'Calibre doce', status: 'En armería', acq: '13/07/2018' }),
    firearm({ serial: 'CZ-5530', make: 'CZ', model: '75', acq: fixed ? '30/04/2025' : '31/04/2025' }),
  ], { title: ['DECLARACIÓN ANUAL 2026 — INVENTARIO DE ARMAS DE FUEGO', 'Empresa: Seguridad Quetzal Integral, S.A.'] }));
}

test('an administrator imports a Latin-1 return, maps a column, fixes the file, sees the diversion flag and undoes the batch', async ({ page, server }) => {
  prepare(server.dataDir);
  await page.goto(server.url);
  await page.getByLabel(new RegExp(`^${t('unlock.username')}`)).fill('admin');
  await page.getByLabel(new RegExp(`^${t('unlock.password')}`)).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: t('unlock.submit') }).click();
  await page.getByRole('navigation', { name: t('shell.navLabel') }).getByRole('link', { name: t('nav.returns') }).click();
  await expect(page.getByRole('heading', { name: t('returns.title'), level: 1 })).toBeVisible();
  await expect(page.getByTestId('returns-batches').getByRole('row')).toHaveCount(2);
  await checkScreen(page, 'returns-01-page');

  // The company's file: detected as Windows-1252, semicolons, header on row 3 below the title block.
  await page.getByLabel(t('returns.files')).setInputFiles({ name: 'declaracion-2026.csv', mimeType: 'text/csv', buffer: return2026(false) });
  await page.getByLabel(t('returns.year')).fill('2026');
  await page.getByRole('button', { name: t('returns.check') }).click();
  const detected = page.getByTestId('returns-detected');
  await expect(detected).toContainText('windows-1252');
  await expect(detected).toContainText(';');
  await expect(detected.getByRole('row').nth(1)).toContainText('3');

  // The unusual column is asked about; the officer maps it and saves the mapping as the company's profile.
  const question = page.getByLabel(t('returns.question.column', { column: 'Código de marcaje ITI', file: 'declaracion-2026.csv' }));
  await expect(question).toBeVisible();
  await checkScreen(page, 'returns-02-question');
  await question.selectOption('marking_code');
  await page.getByLabel(t('returns.profile.save')).check();
  await page.getByLabel(t('returns.profile.name')).fill('Seguridad Quetzal');
  await page.getByRole('button', { name: t('returns.question.apply') }).click();
  await expect(page.getByTestId('returns-progress')).toHaveCount(0);
  await expect(page.getByTestId('returns-detected')).toBeVisible();
  await expect(page.getByText(t('returns.question.column', { column: 'Código de marcaje ITI', file: 'declaracion-2026.csv' }))).toHaveCount(0);

  // Every problem, located: the calibre and the impossible date; nothing can be imported yet.
  const errors = page.getByTestId('returns-errors');
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors).toContainText('UNKNOWN_CALIBRE');
  await expect(errors).toContainText(t('returns.problem.UNKNOWN_CALIBRE', { value: 'Calibre doce' }));
  await expect(errors).toContainText('BAD_DATE');
  await expect(page.getByTestId('returns-blocked')).toBeVisible();
  await expect(page.getByRole('button', { name: t('returns.commit') })).toBeDisabled();
  await expect(page.getByLabel(t('returns.profile.use'))).toHaveValue(/.+/);
  await checkScreen(page, 'returns-03-errors');

  // The corrected file: clean dry run, then the import as one batch.
  await page.getByLabel(t('returns.files')).setInputFiles({ name: 'declaracion-2026-corregida.csv', mimeType: 'text/csv', buffer: return2026(true) });
  await page.getByRole('button', { name: t('returns.check') }).click();
  await expect(page.getByTestId('returns-clean')).toBeVisible();
  await expect(page.getByTestId('returns-warnings')).toHaveCount(0);
  const flags = page.getByTestId('returns-flags');
  await expect(flags).toContainText('RV-778');
  await expect(flags).toContainText(t('returns.flag.possible_diversion'));
  await expect(page.getByTestId('returns-counts')).toContainText('4');
  await page.getByRole('button', { name: t('returns.commit') }).click();
  await expect(page.getByTestId('returns-notice')).toContainText(t('returns.committed', { batch: '' }).slice(0, 20));
  await expect(page.getByTestId('returns-batches').getByRole('row')).toHaveCount(3);
  await checkScreen(page, 'returns-04-committed-flags');

  // Undo the batch as a unit.
  await page.getByTestId('returns-batches').getByRole('row').nth(1).getByRole('button', { name: t('returns.batch.undo') }).click();
  await page.getByRole('dialog').getByRole('button', { name: t('returns.batch.undo') }).click();
  await expect(page.getByTestId('returns-notice')).toHaveText(t('returns.batch.undone'));
  await expect(page.getByTestId('returns-batches').getByRole('row').nth(1)).toContainText(t('returns.batch.status.undone'));
  await checkScreen(page, 'returns-05-undone');
});

