import { useState } from 'react';
import { navigate } from '../../app/router.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { LicenceDetail } from '../../../shared/commands/licensing.ts';
import { ProposeSanctionDialog, SanctionsTable } from '../sanctions/index.ts';
import { useQuery } from '../../api/useQuery.ts';

/** The sanctions against one licence, and the way to propose another. */
export function LicenceSanctions({ licence, canPropose }: { licence: LicenceDetail; canPropose: boolean }) {
  const { t } = useI18n();
  const q = useQuery('sanctions.list', { targetId: licence.id, limit: 100 });
  const [proposing, setProposing] = useState(false);
  const rows = q.value?.rows ?? [];
  return (
    <section className="card" aria-labelledby="lic-s-sanctions">
      <div className="card-header">
        <h2 id="lic-s-sanctions">{t('sanctions.title')}</h2>
        {canPropose ? <button type="button" className="btn btn-secondary" onClick={() => setProposing(true)}>{t('sanctions.propose')}</button> : null}
      </div>
      {rows.length === 0 ? <p className="muted">{t('sanctions.empty')}</p> : <SanctionsTable rows={rows} />}
      {proposing ? (
        <ProposeSanctionDialog targetType="licence" targetId={licence.id} targetLabel={licence.number ?? licence.typeName}
          onCancel={() => setProposing(false)} onDone={(s) => { setProposing(false); navigate(`/sanctions/${s.id}`); }} />
      ) : null}
    </section>
  );
}
