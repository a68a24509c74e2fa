import type { Db } from '../../../store/db.ts';
import { translate, type Language } from '../../../../shared/i18n/index.ts';
import { fmt, type ComplianceSection } from './complianceSummary.ts';

/**
 * Compliance-summary sections read from the personnel and firearms registers (their tables,
 * read-only): counts by state, then the company's people and weapons as annexes, with the
 * dates that matter for compliance (credential and health certificate, permit expiry).
 */
export function personnelSection(db: Db, companyId: string, lang: Language, today: string): ComplianceSection[] {
  const t = (k: string, p?: Record<string, string | number>) => translate(lang, k, p);
  const rows = db.prepare(`SELECT family_names, given_names, national_id, role, credential_status, credential_number, credential_expires_on, health_cert_expiry
    FROM persons WHERE current_company_id = ? ORDER BY family_names COLLATE NOCASE, given_names COLLATE NOCASE, id`).all(companyId) as
    { family_names: string; given_names: string; national_id: string; role: string; credential_status: string; credential_number: string | null; credential_expires_on: string | null; health_cert_expiry: string | null }[];
  const expired = rows.filter((r) => r.credential_expires_on !== null && r.credential_expires_on < today).length;
  const healthExpired = rows.filter((r) => r.health_cert_expiry !== null && r.health_cert_expiry < today).length;
  const byStatus = new Map<string, number>();
  for (const r of rows) byStatus.set(r.credential_status, (byStatus.get(r.credential_status) ?? 0) + 1);
  return [{
    title: t('audits.pdf.personnel', { n: rows.length }),
    facts: [
      ...[...byStatus].map(([s, n]) => [t(`credentialState.${s}`), String(n)] as [string, string]),
      [t('audits.pdf.credentialsExpired'), String(expired)],
      [t('audits.pdf.healthExpired'), String(healthExpired)],
    ],
    table: {
      columns: [{ header: t('audits.pdf.person'), width: 170 }, { header: t('audits.pdf.nationalId'), width: 90 }, { header: t('audits.pdf.role'), width: 80 },
        { header: t('audits.pdf.credential'), width: 110 }, { header: t('audits.pdf.credentialExpiry'), width: 70 }, { header: t('audits.pdf.healthExpiry'), width: 70 }],
      rows: rows.map((r) => [`${r.family_names}, ${r.given_names}`, r.national_id, t(`personRole.${r.role}`),
        `${t(`credentialState.${r.credential_status}`)}${r.credential_number ? ` ${r.credential_number}` : ''}`, fmt(r.credential_expires_on, lang), fmt(r.health_cert_expiry, lang)]),
    },
  }];
}

export function firearmsSection(db: Db, companyId: string, lang: Language, today: string): ComplianceSection[] {
  const t = (k: string, p?: Record<string, string | number>) => translate(lang, k, p);
  const rows = db.prepare(`SELECT serial, make, model, calibre_written, state, permit_number, permit_expiry FROM firearms WHERE company_id = ? ORDER BY serial_norm, id`).all(companyId) as
    { serial: string; make: string; model: string | null; calibre_written: string; state: string; permit_number: string | null; permit_expiry: string | null }[];
  const byState = new Map<string, number>();
  for (const r of rows) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
  const permitsExpired = rows.filter((r) => r.permit_expiry !== null && r.permit_expiry < today && r.state !== 'destroyed' && r.state !== 'transferred').length;
  return [{
    title: t('audits.pdf.firearms', { n: rows.length }),
    facts: [...[...byState].map(([s, n]) => [t(`firearmState.${s}`), String(n)] as [string, string]), [t('audits.pdf.permitsExpired'), String(permitsExpired)]],
    table: {
      columns: [{ header: t('audits.pdf.serial'), width: 100 }, { header: t('audits.pdf.makeModel'), width: 150 }, { header: t('audits.pdf.calibre'), width: 70 },
        { header: t('audits.field.status'), width: 90 }, { header: t('audits.pdf.permit'), width: 90 }, { header: t('audits.pdf.permitExpiry'), width: 80 }],
      rows: rows.map((r) => [r.serial, [r.make, r.model].filter(Boolean).join(' '), r.calibre_written, t(`firearmState.${r.state}`), r.permit_number ?? '—', fmt(r.permit_expiry, lang)]),
    },
  }];
}
