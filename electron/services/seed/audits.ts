import type { Db } from '../../store/db.ts';
import { appendJournal } from '../../store/journal.ts';
import type { Answer } from '../../../shared/model/checklist.ts';
import { INSPECTION_TYPES, type InspectionAction } from '../../../shared/model/inspectionLifecycle.ts';
import { CERTIFICATION_STANDARDS } from '../../../shared/model/certificationLifecycle.ts';
import { certificationFields } from '../../../shared/commands/certifications.ts';
import { SHIPPED_TEMPLATE_IDS } from '../../store/migrations/0006_audits.ts';
import { planInspection, transitionInspection } from '../audits/inspections.repo.ts';
import { recordAnswer } from '../audits/answers.ts';
import { sweepOverdue } from '../audits/findings.repo.ts';
import { addDays } from '../audits/lifecycle.ts';
import { insertCertification, transitionCertification } from '../audits/certifications.repo.ts';
import { prng } from './companies.data.ts';

const NOTES = [
  'La bitácora de entrega no registra la hora de devolución del turno nocturno.',
  'Dos cámaras sin grabación: el disco del grabador está lleno desde hace 12 días.',
  'El custodio de llaves no tiene copia firmada del registro.',
  'Tres armas con permiso vencido en marzo; trámite de renovación sin presentar.',
  'No se presentó la evaluación de riesgo; se indicó que está en elaboración.',
];
const BODIES = [['Bureau Veritas Certification', 'ANAB'], ['SGS Colombia', 'ONAC'], ['ICONTEC', 'ONAC'], ['LRQA', 'UKAS'], ['Instituto Nacional de Certificación', 'OGA']];

/**
 * Demo inspections and certifications on the first companies of the register: inspections in
 * every working state (planned → quality review), checklist answers drawn from a fixed seed,
 * the findings they raise (a few already overdue), and certifications with near expiries.
 * Deterministic for a given register and date; one transaction and one journal entry.
 */
export function seedAudits(db: Db, opts: { now: Date; userId: string; username: string; companies: number; seed?: number }): { inspections: number; certifications: number } {
  const rnd = prng(opts.seed ?? 20261124);
  const nowIso = opts.now.toISOString();
  const today = nowIso.slice(0, 10);
  const companies = db.prepare('SELECT id FROM companies ORDER BY legal_name COLLATE NOCASE, id LIMIT ?').all(opts.companies) as { id: string }[];
  const leads = db.prepare(`SELECT id FROM users WHERE active = 1 AND role IN ('inspector','supervisor','administrator') ORDER BY role = 'inspector' DESC, username`).all() as { id: string }[];
  let inspections = 0;
  let certifications = 0;
  db.transaction(() => {
    companies.forEach((c, k) => {
      const armory = k % 3 !== 2;
      const steps = k % 5;
      const planned = addDays(today, steps === 0 ? 5 + (k % 20) : -3 - (k % 40));
      const id = planInspection(db, {
        companyId: c.id, type: INSPECTION_TYPES[k % INSPECTION_TYPES.length], site: armory ? 'armory' : 'office', siteLabel: armory ? 'Armería principal' : 'Oficina central',
        armoryId: null, licenceId: null, templateId: armory ? SHIPPED_TEMPLATE_IDS.armory : SHIPPED_TEMPLATE_IDS.icoc, plannedDate: planned,
        leadInspectorId: leads[k % leads.length].id, memberIds: [], summary: null,
      }, nowIso, opts.userId);
      inspections++;
      // 0 planned, 1 scheduled, 2 fieldwork (half answered), 3 draft report, 4 quality review.
      let version = 1;
      const move = (action: InspectionAction, date: string | null = null) => transitionInspection(db, id, version++, action, 'administrator', { date, now: nowIso, userId: opts.userId });
      if (steps >= 1) move('schedule', addDays(planned, 1));
      if (steps >= 2) {
        move('start_fieldwork');
        const items = db.prepare('SELECT id FROM checklist_items WHERE template_id = ? ORDER BY position').all(armory ? SHIPPED_TEMPLATE_IDS.armory : SHIPPED_TEMPLATE_IDS.icoc) as { id: string }[];
        for (const it of items.slice(0, steps === 2 ? Math.floor(items.length / 2) : items.length)) {
          const x = rnd();
          const answer: Answer = x < 0.78 ? 'compliant' : x < 0.88 ? 'partial' : x < 0.96 ? 'non_compliant' : 'not_applicable';
          recordAnswer(db, { inspectionId: id, itemId: it.id, answer, note: answer === 'partial' || answer === 'non_compliant' ? NOTES[Math.floor(rnd() * NOTES.length)] : null, now: nowIso, userId: opts.userId, lang: 'es' });
        }
      }
      if (steps >= 3) move('finish_fieldwork');
      if (steps >= 4) move('submit_for_review');
      // Findings found in earlier visits get due dates; some have passed.
      if (steps >= 3) db.prepare('UPDATE findings SET due_date = ? WHERE inspection_id = ?').run(addDays(today, (k % 4) * 20 - 25), id);

      if (k % 3 === 0) {
        const [body, accr] = BODIES[k % BODIES.length];
        const issued = addDays(today, -300 - (k % 500));
        const f = certificationFields.parse({
          companyId: c.id, standard: CERTIFICATION_STANDARDS[k % CERTIFICATION_STANDARDS.length], certificateNumber: `CERT-${String(1000 + k)}`,
          certificationBody: body, accreditationBody: accr, scope: 'Vigilancia fija, escolta y protección de instalaciones', issuedOn: issued,
          expiresOn: addDays(today, 20 + (k % 9) * 60), surveillanceDates: [addDays(issued, 365), addDays(issued, 730)],
        });
        const cid = insertCertification(db, f, nowIso, opts.userId);
        if (k % 9 !== 3) transitionCertification(db, cid, 1, 'certify', 'administrator', nowIso, opts.userId);
        if (k % 9 === 6) transitionCertification(db, cid, 2, 'suspend', 'administrator', nowIso, opts.userId);
        certifications++;
      }
    });
    sweepOverdue(db, today, 'administrator', nowIso, opts.userId);
    appendJournal(db, { at: nowIso, userId: opts.userId, username: opts.username, command: 'seed.audits', entityType: 'inspection', entityId: null, payload: { inspections, certifications } });
  })();
  return { inspections, certifications };
}
