import type { Db } from '../../store/db.ts';

/**
 * Which company a return's `company_licence_no` names. The licensing register (`licences.number`)
 * is the authority; on a workspace without it (before that area landed) the company's tax ID is
 * accepted instead, so returns can be filed against the company register alone.
 */
export function companyResolver(db: Db): (licenceNo: string) => string | null {
  const hasLicences = !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'licences'`).get() &&
    (db.prepare(`SELECT name FROM pragma_table_info('licences')`).all() as { name: string }[]).some((c) => c.name === 'number');
  const byLicence = hasLicences ? db.prepare('SELECT company_id AS id FROM licences WHERE number = ?') : null;
  const byTaxId = db.prepare('SELECT id FROM companies WHERE tax_id = ? OR tax_id_norm = ? LIMIT 1');
  const cache = new Map<string, string | null>();
  return (no) => {
    if (cache.has(no)) return cache.get(no)!;
    let id: string | null = null;
    if (byLicence) id = (byLicence.get(no) as { id: string } | undefined)?.id ?? null;
    else id = (byTaxId.get(no, no.replace(/[\s\-.]/g, '').toUpperCase()) as { id: string } | undefined)?.id ?? null;
    cache.set(no, id);
    return id;
  };
}
