import { uuidv7 } from '../../shared/ids.ts';
import type { LicenceState } from '../../shared/model/licenceLifecycle.ts';
import type { SanctionKind, SanctionState } from '../../shared/model/sanctionLifecycle.ts';
import { ADMIN_PASSWORD, nextGtNit, sampleCompany, type freshWorkspace } from './workspace.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
export const GUARDING_TYPE = '01900000-0000-7000-8000-000000000001';

/** Every table's row count plus the given rows' content: what "writes nothing" is checked against. */
export function snapshot(w: W, extra: string[] = []): string {
  const db = w.app.workspaces.db;
  const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`).all() as { name: string }[]).map((t) => t.name).sort();
  const counts = tables.map((t) => `${t}:${(db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`).join(' ');
  return [counts, ...extra.map((sql) => JSON.stringify(db.prepare(sql).all()))].join('\n');
}

export async function signInAdmin(w: W): Promise<void> {
  await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
}

/** A company with the register's validation (through the command). */
export async function makeCompany(w: W, over: Record<string, unknown> = {}): Promise<string> {
  return (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), ...over }))).id;
}

/**
 * A licence put straight into `state` by SQL, with every guard satisfiable: checklist complete,
 * a recommendation by `recommendedBy`, an expiry `expiresInDays` from the clock's today.
 */
export function forceLicence(w: W, o: { companyId: string; state: LicenceState; recommendedBy: string | null; expiresInDays: number; number?: string }): string {
  const db = w.app.workspaces.db;
  const today = w.clock.now().toISOString().slice(0, 10);
  const exp = new Date(`${today}T00:00:00Z`);
  exp.setUTCDate(exp.getUTCDate() + o.expiresInDays);
  const id = uuidv7();
  const now = w.clock.now().toISOString();
  const granted = !['draft', 'submitted', 'information_requested', 'pre_licence_inspection', 'refused'].includes(o.state);
  db.prepare(`INSERT INTO licences (id, company_id, type_id, state, service_types, number, issued_on, expires_on, submitted_on, processing_days, paused_since,
      decided_on, recommendation, recommendation_basis, recommendation_reason, recommended_by, recommended_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, '["static_guarding"]', ?, ?, ?, ?, 30, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, o.companyId, GUARDING_TYPE, o.state, granted ? (o.number ?? `F-${id.slice(-12)}`) : null, granted ? '2025-01-01' : null,
    granted ? exp.toISOString().slice(0, 10) : null, o.state === 'draft' ? null : '2026-11-01', o.state === 'information_requested' ? '2026-11-10' : null,
    granted || o.state === 'refused' ? '2025-01-01' : null, o.recommendedBy ? 'grant' : null, o.recommendedBy ? 'Art. 21' : null, o.recommendedBy ? 'Cumple' : null,
    o.recommendedBy, o.recommendedBy ? now : null, now, now,
  );
  db.prepare(`INSERT INTO licence_checklist (licence_id, position, label, received_on) VALUES (?, 0, 'Escritura constitutiva', '2026-11-01')`).run(id);
  return id;
}

/** A sanction put straight into `state` against a licence. */
export function forceSanction(w: W, o: { licenceId: string; companyId: string; state: SanctionState; kind: SanctionKind; appealDeadline?: string | null }): string {
  const db = w.app.workspaces.db;
  const id = uuidv7();
  const now = w.clock.now().toISOString();
  db.prepare(`INSERT INTO sanctions (id, kind, target_type, target_id, company_id, state, amount, currency, condition_text, legal_basis, reason, appeal_days, appeal_deadline, created_at, updated_at)
    VALUES (?, ?, 'licence', ?, ?, ?, ?, ?, ?, 'Art. 60', 'Hechos', 10, ?, ?, ?)`).run(
    id, o.kind, o.licenceId, o.companyId, o.state, o.kind === 'fine' ? 5000 : null, o.kind === 'fine' ? 'GTQ' : null,
    o.kind === 'extra_condition' ? 'Auditoría trimestral' : null, o.appealDeadline ?? null, now, now,
  );
  return id;
}

/** A person with a live credential put straight in by SQL (the personnel area owns the real flow). */
export function forcePerson(w: W, o: { companyId: string | null; credentialStatus: string; credentialExpiresOn: string | null; healthCertExpiry: string | null; number?: string }): string {
  const id = uuidv7();
  const now = w.clock.now().toISOString();
  const nid = String(1_000_000_000_000 + Math.floor(Math.random() * 8_000_000_000_000));
  w.app.workspaces.db.prepare(`INSERT INTO persons (id, id_country, national_id, national_id_norm, given_names, family_names, birth_date, nationality, role,
      criminal_check_date, criminal_check_result, health_cert_date, health_cert_expiry, credential_status, credential_number, credential_issued_on, credential_expires_on,
      current_company_id, created_at, updated_at)
    VALUES (?, 'GT', ?, ?, 'Juan Carlos', 'Tzul Ajanel', '1990-04-12', 'GT', 'guard', '2026-06-01', 'clear', '2026-01-10', ?, ?, ?, '2025-01-01', ?, ?, ?, ?)`).run(
    id, nid, nid, o.healthCertExpiry, o.credentialStatus, o.number ?? `CRED-2025-${nid.slice(-6)}`, o.credentialExpiresOn, o.companyId, now, now,
  );
  return id;
}
