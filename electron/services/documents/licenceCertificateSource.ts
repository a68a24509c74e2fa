import { AppError } from '../../../shared/errors.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { VALID_LICENCE_STATES } from '../../../shared/model/licenceLifecycle.ts';
import type { Db } from '../../store/db.ts';
import type { LicenceForCertificate } from '../audits/reports/licenceCertificate.ts';
import { loadCompany } from '../companies/companies.repo.ts';
import { loadLicenceRow } from '../licensing/licences.repo.ts';

/** A licence in force, mapped to what its certificate prints, plus what the register needs. */
export interface CertifiableLicence { id: string; companyId: string; certificate: LicenceForCertificate }

/**
 * Reads the real licence row (number, company, service types, validity, conditions, the grant or
 * renewal decision) and refuses, with INVALID_TRANSITION, a record that is not in force: a
 * certificate is only issued for an active licence or one whose renewal was filed in time.
 */
export function certifiableLicence(db: Db, licenceId: string, lang: Language): CertifiableLicence {
  const r = loadLicenceRow(db, licenceId);
  if (!r) throw new AppError('NOT_FOUND', 'errors.licenceNotFound', {}, 'licenceId');
  if (!VALID_LICENCE_STATES.includes(r.state) || !r.number || !r.issued_on || !r.expires_on) {
    throw new AppError('INVALID_TRANSITION', 'errors.licenceNotInForce', { state: translate(lang, `licensing.state.${r.state}`) }, 'licenceId');
  }
  const company = loadCompany(db, r.company_id)!;
  const conditions = (db.prepare('SELECT text FROM licence_conditions WHERE licence_id = ? ORDER BY created_at, id').all(licenceId) as { text: string }[]).map((c) => c.text);
  // The decision that put the licence in force: the latest grant or renewal, and the first grant's date.
  const decision = db.prepare(`SELECT e.legal_basis, e.at, COALESCE(u.display_name, e.username) AS name FROM licence_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE e.licence_id = ? AND e.action IN ('grant', 'renew') ORDER BY e.at DESC, e.id DESC LIMIT 1`).get(licenceId) as { legal_basis: string | null; at: string; name: string | null } | undefined;
  const firstGrant = db.prepare(`SELECT at FROM licence_events WHERE licence_id = ? AND action = 'grant' ORDER BY at, id LIMIT 1`).get(licenceId) as { at: string } | undefined;
  const serviceTypes = (JSON.parse(r.service_types) as string[]).map((s) => translate(lang, `service.${s}`));
  return {
    id: r.id,
    companyId: r.company_id,
    certificate: {
      number: r.number,
      company: { legalName: company.legalName, tradeName: company.tradeName, taxId: company.taxId, country: company.country, address: company.address },
      serviceTypes,
      armed: company.armed,
      grantedOn: (firstGrant?.at ?? r.decided_on ?? r.issued_on).slice(0, 10),
      validFrom: r.issued_on,
      expiresOn: r.expires_on,
      conditions,
      legalBasis: decision?.legal_basis ?? r.recommendation_basis ?? r.type_name,
      decidedByName: decision?.name ?? '—',
    },
  };
}
