import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_TEMPLATE_IDS } from '../../electron/store/migrations/0006_audits.ts';
import { sampleCompany, nextGtNit, type freshWorkspace } from './workspace.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;

/** A company and an armory inspection taken to fieldwork, as the administrator (lead). */
export async function armoryInspectionInFieldwork(w: W, companyId?: string) {
  const cid = companyId ?? (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }))).id;
  const lead = w.app.workspaces.user!.id;
  const p = await w.ok('inspections.plan', {
    companyId: cid, type: 'routine', site: 'armory', siteLabel: 'Armería central, zona 12', templateId: SHIPPED_TEMPLATE_IDS.armory,
    plannedDate: '2026-11-25', leadInspectorId: lead,
  });
  const s = await w.ok('inspections.transition', { id: p.id, action: 'schedule', version: p.version, date: '2026-11-26' });
  return { companyId: cid, inspection: await w.ok('inspections.transition', { id: p.id, action: 'start_fieldwork', version: s.version }) };
}

/** pdfsig's report of a file (it exits 0 even when the signature is bad: read the text). */
export function pdfsig(dir: string, pdf: Buffer, name = 'doc.pdf'): string {
  const f = join(dir, name);
  writeFileSync(f, pdf);
  try {
    return execFileSync('pdfsig', [f], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '');
  }
}
