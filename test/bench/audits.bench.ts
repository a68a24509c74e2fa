import { deflateSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../../shared/ids.ts';
import { scoreChecklist, type Answer } from '../../shared/model/checklist.ts';
import { prng } from '../../electron/services/seed/companies.data.ts';
import { loadAgencyIdentity } from '../../electron/services/documents/identity.ts';
import { signPdfBuffer } from '../../electron/services/documents/sign.ts';
import type { DocumentMeta } from '../../electron/services/documents/pdf.ts';
import { drawInspectionReport, type InspectionReportData } from '../../electron/services/audits/reports/inspectionReport.ts';
import { drawComplianceSummary } from '../../electron/services/audits/reports/complianceSummary.ts';
import { complianceSections } from '../../electron/services/audits/reports/complianceSources.ts';
import type { Inspection } from '../../shared/commands/inspections.ts';
import { fmt, must, type Bench } from './harness.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A photo-sized PNG (1024×768, gradient and noise: compresses like a real photo, i.e. badly). */
function photo(seed: number): Buffer {
  const w = 1024;
  const h = 768;
  const rnd = prng(seed);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) {
      const n = Math.floor(rnd() * 40);
      raw[row + 1 + x * 3] = (x * 200) / w + n;
      raw[row + 2 + x * 3] = (y * 180) / h + n;
      raw[row + 3 + x * 3] = 90 + ((seed * 37) % 100) + n;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}
const CRC = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
function crc32(b: Buffer): number { let c = 0xffffffff; for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; }

/** A synthetic inspection as big as a thematic audit of a large company: ~40 pages. */
function bigInspection(nItems: number): Inspection {
  const rnd = prng(7);
  const items = Array.from({ length: nItems }, (_, k) => ({
    id: `item-${k}`, position: k + 1, itemKey: `BIG-${k}`, sectionNo: Math.floor(k / 20) + 1,
    section: { es: `Sección ${Math.floor(k / 20) + 1}: control de armas, personal y procedimientos`, en: `Section ${Math.floor(k / 20) + 1}` },
    ref: `IATG 0${(k % 9) + 1}.10; ISACS 05.20 §${k % 17}`, level: (k % 3) + 1,
    text: { es: `Ítem ${k + 1}: el registro de armas, municiones y custodios está completo, actualizado y coincide con lo observado en la visita`, en: `Item ${k + 1}` },
    guidance: { es: '', en: '' },
  }));
  const answers = items.map((it) => {
    const x = rnd();
    const answer: Answer = x < 0.8 ? 'compliant' : x < 0.9 ? 'partial' : x < 0.97 ? 'non_compliant' : 'not_applicable';
    return { id: `a-${it.id}`, itemId: it.id, answer, note: answer === 'compliant' ? null : 'Se observó que el libro de control no registra las devoluciones del turno nocturno; el encargado indica que se anotan al día siguiente.', updatedAt: '2026-11-20T10:00:00Z', updatedBy: null };
  });
  const findings = answers.filter((a) => a.answer === 'partial' || a.answer === 'non_compliant').map((a, k) => ({
    id: `f-${k}`, inspectionId: 'i', inspectionReference: 'INSP-2026-0999', companyId: 'c', companyName: 'Empresa', itemId: a.itemId, itemKey: null,
    reference: 'IATG 03.10', title: items.find((i) => i.id === a.itemId)!.text.es, severity: a.answer === 'non_compliant' ? 'major' as const : 'minor' as const,
    status: 'open' as const, rootCause: a.note, correctiveAction: 'Implementar control diario con firma del encargado y del guardia.', dueDate: '2026-12-23',
    recurrence: 1 + (k % 3), sanctionId: null, daysOpen: 0, statusChangedAt: '', version: 1, createdAt: '', updatedAt: '', actions: [],
  }));
  return {
    id: 'i', reference: 'INSP-2026-0999', companyId: 'c', companyName: 'Empresa', type: 'thematic', site: 'armory', siteLabel: 'Armería central', status: 'quality_review',
    plannedDate: '2026-11-20', scheduledDate: '2026-11-20', leadInspectorId: 'u', leadInspectorName: 'Inspectora', templateId: 't', templateTitle: 'Auditoría temática',
    score: null, capped: false, openFindings: findings.length, updatedAt: '', armoryId: null, licenceId: null, summary: 'Auditoría temática de control de armas.', version: 1,
    issuedAt: null, issuedDocumentId: null, team: [{ userId: 'u', displayName: 'Inspectora Líder', role: 'lead' }],
    template: { id: 't', code: 'BIG', version: 1, kind: 'armory', title: { es: 'Auditoría temática de control de armas', en: 'Thematic audit' }, status: 'active', basedOnId: null, inUse: true, itemCount: nItems, createdAt: '' },
    items, answers, findings, liveScore: scoreChecklist(items, Object.fromEntries(answers.map((a) => [a.itemId, a.answer]))), actions: [], createdAt: '',
  };
}

/** Synthetic personnel and firearms for one company, written into their real tables, drawn like the registers' own data. */
export function seedRegisters(db: import('../../electron/store/db.ts').Db, companyId: string, people: number, guns: number): void {
  const rnd = prng(99);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const GIVEN = ['José Luis', 'María Fernanda', 'Juan Carlos', 'Ana Lucía', 'Pedro Pablo', 'Rosa Elvira', 'Carlos Enrique', 'Gladys Marisol', 'Édgar Rolando', 'Sonia Beatriz'];
  const FAMILY = ['García López', 'Ajú Xicará', 'Pérez Morales', 'Cifuentes Ramírez', 'Tzoc Chávez', 'Hernández Sut', 'Rodríguez Coy', 'Méndez Batz', 'Juárez Ixcot', 'López Ordóñez'];
  const STATES = ['active', 'active', 'active', 'credentialed', 'vetting', 'expired', 'suspended'];
  const now = '2026-11-23T00:00:00.000Z';
  db.transaction(() => {
    const p = db.prepare(`INSERT INTO persons (id, id_country, national_id, national_id_norm, given_names, family_names, birth_date, nationality, role, credential_status,
      credential_number, credential_expires_on, health_cert_expiry, current_company_id, created_at, updated_at) VALUES (?, 'GT', ?, ?, ?, ?, ?, 'GT', ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let k = 0; k < people; k++) {
      const nid = String(3_000_000_000_000 + k * 7919);
      p.run(uuidv7(), nid, nid, pick(GIVEN), pick(FAMILY), `19${60 + Math.floor(rnd() * 40)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
        pick(['guard', 'armed_guard', 'escort', 'supervisor']), pick(STATES), `BENCH-${String(k).padStart(6, '0')}`, `202${6 + Math.floor(rnd() * 3)}-0${1 + Math.floor(rnd() * 9)}-15`,
        `202${5 + Math.floor(rnd() * 3)}-1${Math.floor(rnd() * 3)}-01`, companyId, now, now);
    }
    const f = db.prepare(`INSERT INTO firearms (id, company_id, type, make, make_norm, model, calibre_code, calibre_written, serial, serial_norm, permit_number, permit_expiry, condition, state, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'good', ?, ?, ?)`);
    for (let k = 0; k < guns; k++) {
      const [make, model, cal] = pick([['Glock', '17', '9x19mm'], ['Jericho', '941', '9x19mm'], ['Mossberg', '500', '12 GA'], ['Taurus', 'PT92', '9x19mm'], ['Remington', '870', '12 GA']] as const);
      const serial = `BX${String(100000 + k * 13)}`;
      f.run(uuidv7(), companyId, cal === '12 GA' ? 'shotgun' : 'pistol', make, make.toUpperCase(), model, cal, cal, serial, serial, `TP-${200000 + k}`, `202${6 + Math.floor(rnd() * 3)}-0${1 + Math.floor(rnd() * 9)}-20`,
        pick(['in_armory', 'in_armory', 'issued', 'issued', 'under_repair']), now, now);
    }
  })();
}

/**
 * Signed documents: a 40-page inspection report with 20 photos, and a compliance summary of a
 * company with 2,000 personnel and 1,000 firearms; each produced and signed, next to pdfkit
 * alone drawing the same pages unsigned (the raw limit), in the same run.
 */
export const bench: Bench = async (ctx) => {
  const { app } = ctx;
  const db = app.workspaces.db;
  await must(ctx, 'signing.createSelfSigned', { commonName: 'Banco de pruebas', organization: 'Banco de pruebas', country: 'GT' });
  const identity = loadAgencyIdentity(db)!;
  // Few runs: each is seconds of pdfkit layout, and the machine is shared (median reported).
  const RUNS = 2;

  // 1. Inspection report: ~40 pages, 20 photos.
  const inspection = bigInspection(330);
  const photos = Array.from({ length: 20 }, (_, k) => ({ caption: `Fotografía ${k + 1}: armero y bitácora`, mime: 'image/png', content: photo(k + 1) }));
  const data: InspectionReportData = {
    inspection, photos, issuedByName: 'Supervisora', signer: { subject: identity.subject, fingerprint: identity.fingerprint },
    company: { legalName: 'Custodia Andina Integral, S.A.', tradeName: 'Custodia Andina', taxId: '1234567-9', country: 'GT', address: '6a Avenida 12-34, zona 10', city: 'Guatemala', legalRepName: 'María José Ajú' },
  };
  const meta: DocumentMeta = {
    agencyName: 'Banco de pruebas', country: 'GT', title: 'Informe de inspección', serial: 'INS-2026-999999', issuedAt: '2026-11-23T12:00:00Z', language: 'es',
    subject: 'Custodia Andina Integral, S.A. — INSP-2026-0999', qrText: 'CENTINELA|INS-2026-999999|x', contentHash: 'ab'.repeat(32),
  };
  const drawOnly: number[] = [];
  const drawSign: number[] = [];
  let pages = 0;
  let size = 0;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    const d = await drawInspectionReport(meta, data);
    drawOnly.push(performance.now() - t);
    pages = d.pages;
    t = performance.now();
    const d2 = await drawInspectionReport(meta, data);
    const signed = await signPdfBuffer(d2.pdf, identity, { reason: 'bench', location: 'GT', name: 'Banco', signingTime: new Date(meta.issuedAt) });
    drawSign.push(performance.now() - t);
    size = signed.length;
    console.log(`  inspection report run ${r + 1}: draw ${fmt(drawOnly[r])} ms, draw + sign ${fmt(drawSign[r])} ms, ${pages} pages`);
  }

  // 2. Compliance summary of a company with 2,000 personnel and 1,000 firearms.
  const company = (await must(ctx, 'companies.list', { limit: 1 }) as { rows: { id: string; legalName: string }[] }).rows[0];
  seedRegisters(db, company.id, 2000, 1000);
  const issue: number[] = [];
  const raw: number[] = [];
  let summaryPages = 0;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    const out = await must(ctx, 'documents.issueComplianceSummary', { companyId: company.id }) as { document: { pages: number } };
    issue.push(performance.now() - t);
    summaryPages = out.document.pages;
    // pdfkit alone, the same sections drawn unsigned (sections gathered outside the timing).
    const full = (await must(ctx, 'companies.get', { id: company.id })) as Parameters<typeof drawComplianceSummary>[1]['company'];
    const sections = complianceSections(db, company.id, 'es', '2026-11-23');
    t = performance.now();
    await drawComplianceSummary({ ...meta, title: 'Resumen de cumplimiento', serial: 'CUM-2026-999999' }, { company: full, headline: [], sections, issuedByName: 'Admin', signer: data.signer });
    raw.push(performance.now() - t);
    console.log(`  compliance summary run ${r + 1}: issue ${fmt(issue[r])} ms, draw ${fmt(raw[r])} ms, ${summaryPages} pages`);
  }

  console.log(`\nSigned documents benchmark (median of ${RUNS}; pdfkit with embedded DejaVu fonts; RSA-2048 CMS via @signpdf)`);
  console.log(`inspection report, ${pages} pages, 20 photos (1024×768 PNG), ${(size / 1048576).toFixed(1)} MB signed:`);
  console.log(`  produce + sign: ${fmt(median(drawSign))} ms; pdfkit alone, same pages unsigned: ${fmt(median(drawOnly))} ms; ratio ${fmt(median(drawSign) / median(drawOnly))}x`);
  console.log(`compliance summary, 2,000 personnel + 1,000 firearms, ${summaryPages} pages:`);
  console.log(`  issue (gather + draw + sign + register): ${fmt(median(issue))} ms; pdfkit alone, same pages unsigned: ${fmt(median(raw))} ms; ratio ${fmt(median(issue) / median(raw))}x`);
};
