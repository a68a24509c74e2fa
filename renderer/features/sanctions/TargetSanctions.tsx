import { useState } from 'react';
import { navigate } from '../../app/router.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import type { SanctionTarget } from '../../../shared/model/sanctionLifecycle.ts';
import { ProposeSanctionDialog } from './ProposeSanctionDialog.tsx';
import { SanctionsTable } from './SanctionsTable.tsx';

/** The sanctions against one licence or one person's credential, and the way to propose another. */
export function TargetSanctions({ targetType, targetId, targetLabel, canPropose }: {
  targetType: SanctionTarget; targetId: string; targetLabel: string; canPropose: boolean;
}) {
  const { t } = useI18n();
  const q = useQuery('sanctions.list', { targetId, limit: 100 });
  const [proposing, setProposing] = useState(false);
  const rows = q.value?.rows ?? [];
  const headingId = `sanctions-of-${targetId}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{t('sanctions.title')}</h2>
        {canPropose ? <button type="button" className="btn btn-secondary" onClick={() => setProposing(true)}>{t('sanctions.propose')}</button> : null}
      </div>
      {rows.length === 0 ? <p className="muted">{t('sanctions.empty')}</p> : <SanctionsTable rows={rows} />}
      {proposing ? (
        <ProposeSanctionDialog targetType={targetType} targetId={targetId} targetLabel={targetLabel}
          onCancel={() => setProposing(false)} onDone={(s) => { setProposing(false); navigate(`/sanctions/${s.id}`); }} />
      ) : null}
    </section>
  );
}
