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

/**
 * The office prepares a package for an inspection; the inspector opens it on "their laptop" (a
 * field copy), answers the checklist (one item fails: a finding with the weapon count), notes the
 * representative present and exports the return; the office previews it, decides the one
 * conflict, applies it and sees the finding on the inspection.
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
  const gabriela = await api(page, 'users.create', { username: 'gabriela', displayName: 'Gabriela Xicará', role: 'inspector', temporaryPassword: 'Temporal#Clave77' });
  // Three pistols in the register, for the count.
  for (const serial of ['JX-00101', 'JX-00102', '55-1234']) {
    await api(page, 'firearms.register', { companyId: company.id, type: 'pistol', make: 'Jericho', model: '941', calibre: '9 mm Parabellum', serial });
  }
  // An armory inspection planned with the shipped ISACS checklist, taken to fieldwork.
  const templates = await api(page, 'checklists.list', {});
  const template = (templates.rows ?? templates).find((x: { code: string }) => x.code === 'ARMORY-ISACS');
  const planned = await api(page, 'inspections.plan', {
    companyId: company.id, type: 'routine', site: 'armory', siteLabel: 'Armería central, Zacapa', templateId: template.id,
    plannedDate: '2026-11-25', leadInspectorId: setup.session.user.id, memberIds: [gabriela.id],
  });
  const scheduled = await api(page, 'inspections.transition', { id: planned.id, action: 'schedule', version: planned.version, date: '2026-11-26' });
  await api(page, 'inspections.transition', { id: planned.id, action: 'start_fieldwork', version: scheduled.version });

  // Office: the export dialog.
  await page.goto(`${new URL(server.url).origin}/#/field`);
  await page.reload();
  await expect(page.getByRole('heading', { name: t('field.title'), level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: t('field.exportTitle') });
  await form.getByLabel(L('field.label')).fill('Visita Zacapa, noviembre');
  await form.getByLabel(t('field.searchInspections')).fill('quetzal');
  await form.getByLabel(new RegExp(`${planned.reference}.*Seguridad Quetzal Integral`)).check();
  await expect(page.getByTestId('field-chosen')).toContainText(planned.reference);
  await form.getByLabel(/Gabriela Xicará/).check();
  await form.getByLabel(L('field.passphrase')).fill('corta');
  await expect(page.getByText(t('password.tooShort')).first()).toBeVisible();
  await form.getByLabel(L('field.passphrase')).fill(PASSPHRASE);
  await form.getByLabel(L('form.confirmPassword')).fill(PASSPHRASE);
  const pkg = join(server.dataDir, 'visita-zacapa.cfp');
  // Browser mode has no system file dialog: the path is typed, and no "Browse…" button is offered.
  await expect(form.getByRole('button', { name: t('form.browse') })).toHaveCount(0);
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
  // The physical count: two serials scanned (written differently), one missing.
  await page.reload();
  const count = page.getByRole('form', { name: t('field.countTitle') });
  await count.getByLabel(t('field.countSerials')).fill('jx 00101\nJX-00102\n');
  await count.getByRole('button', { name: t('field.countCompare') }).click();
  await expect(page.getByTestId('count-result')).toContainText('55-1234');
  await expect(page.getByTestId('count-result')).toContainText(t('field.countNote', { present: 2, expected: 3 }));
  await checkScreen(page, 'fieldwork-04a-weapon-count');
  await count.getByRole('button', { name: t('field.countRecord') }).click();
  await expect(count.getByText(t('field.countSaved'))).toBeVisible();
  // The rest of the checklist, answered offline: one item compliant, one not (a finding is raised).
  const insp = await api(page, 'inspections.get', { id: planned.id });
  await api(page, 'inspections.answer', { inspectionId: planned.id, itemId: insp.items[0].id, answer: 'compliant', note: 'Representante presente: Lic. Juárez.' });
  const nc = await api(page, 'inspections.answer', { inspectionId: planned.id, itemId: insp.items[1].id, answer: 'non_compliant', note: 'No hay plan de seguridad firmado.' });
  expect(nc.finding).not.toBeNull();
  await page.reload();
  await expect(page.getByTestId('field-pending')).toContainText(/: [1-9]/);
  await page.getByLabel(L('field.passphrase')).fill(PASSPHRASE);
  await page.getByLabel(L('form.confirmPassword')).fill(PASSPHRASE);
  const ret = join(server.dataDir, 'regreso-zacapa.cfp');
  await page.getByLabel(L('field.file')).fill(ret);
  await page.getByRole('button', { name: t('field.exportReturn') }).click();
  await expect(page.getByTestId('field-returned')).toBeVisible();
  await checkScreen(page, 'fieldwork-04-field-copy');

  // Back at the office, someone answered the same item meanwhile from the company's papers: a conflict.
  await api(page, 'session.unlock', { workspaceId: officeId, username: 'admin', password: ADMIN_PASSWORD });
  await api(page, 'inspections.answer', { inspectionId: planned.id, itemId: insp.items[1].id, answer: 'partial', note: 'Según inventario enviado por la empresa' });
  await page.goto(`${new URL(server.url).origin}/#/field`);
  await page.reload();
  const imp = page.getByRole('region', { name: t('field.importTitle') });
  await imp.getByLabel(L('field.returnFile')).fill(ret);
  await imp.getByLabel(L('field.passphrase')).fill(PASSPHRASE);
  await imp.getByRole('button', { name: t('field.preview') }).click();
  const conflicts = page.getByTestId('field-conflicts');
  await expect(conflicts).toContainText('Según inventario enviado por la empresa');
  await expect(conflicts).toContainText('No hay plan de seguridad firmado');
  await expect(page.getByTestId('field-changes')).toContainText(t('field.table.inspection_answers'));
  await expect(page.getByRole('button', { name: t('field.apply') })).toBeDisabled();
  const keepField = conflicts.getByLabel(t('field.keepField'));
  for (let i = 0; i < await keepField.count(); i++) await keepField.nth(i).check();
  await checkScreen(page, 'fieldwork-05-import-preview');
  await page.getByRole('button', { name: t('field.apply') }).click();
  await expect(page.getByTestId('field-imported')).toBeVisible();
  const answers = (await api(page, 'inspections.get', { id: planned.id })).answers as { itemId: string; answer: string; note: string }[];
  expect(answers.find((a) => a.itemId === insp.items[1].id)).toMatchObject({ answer: 'non_compliant' });
  expect(answers.find((a) => a.itemId === insp.items[0].id)).toMatchObject({ note: 'Representante presente: Lic. Juárez.' });
  const findings = await api(page, 'findings.list', { inspectionId: planned.id });
  expect(findings.rows).toHaveLength(2);
  const countFinding = findings.rows.find((f: { itemKey: string }) => f.itemKey === 'ARMORY-ISACS-14');
  expect(countFinding.rootCause).toContain('Faltan: 55-1234');
  // The office sees the finding on the inspection.
  await page.goto(`${new URL(server.url).origin}/#/inspections/${planned.id}`);
  await expect(page.getByText(nc.finding.title).first()).toBeVisible();
  await checkScreen(page, 'fieldwork-06-inspection-after-import');
});
