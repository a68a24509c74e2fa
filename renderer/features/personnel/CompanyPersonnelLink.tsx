import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';

/** For a company's page: how many people it employs now, linking to that filtered list. */
export function CompanyPersonnelLink({ companyId }: { companyId: string }) {
  const { t, formatNumber } = useI18n();
  const [n, setN] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void call('personnel.list', { companyId, limit: 1 }).then((r) => { if (live && r.ok) setN(r.value.total); });
    return () => { live = false; };
  }, [companyId]);
  if (n === null) return null;
  return (
    <section className="card pe-company-staff" aria-labelledby="pe-company-staff">
      <h2 id="pe-company-staff">{t('personnel.companyStaff')}</h2>
      <p><a href={`#/personnel/company/${encodeURIComponent(companyId)}`}>{t('personnel.companyStaffLink', { n: formatNumber(n) })}</a></p>
    </section>
  );
}
