import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { FormError } from '../../components/Form/index.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { FieldCopyPanel } from './FieldCopyPanel.tsx';

/**
 * Field work. In the office: export packages for inspection teams, import what comes back.
 * In a field copy: what the copy holds and the return package.
 */
export function FieldPage() {
  const { t, formatDateTime } = useI18n();
  const { can } = useSession();
  const [status, setStatus] = useState<CommandOutput<'field.status'> | null>(null);
  const [exports, setExports] = useState<CommandOutput<'field.listExports'> | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const load = useCallback(async () => {
    const s = await call('field.status', {});
    if (s.ok) setStatus(s.value);
    else setError(s.error);
    if (s.ok && s.value.mode === 'office' && can('field.export')) {
      const e = await call('field.listExports', {});
      if (e.ok) setExports(e.value);
    }
  }, [can]);
  useEffect(() => { void load(); }, [load]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('field.title')}</h1>
          <p className="lead">{status?.mode === 'field' ? t('field.leadCopy') : t('field.lead')}</p>
        </div>
      </div>
      <FormError error={error} />
      {!status ? (error ? null : <p role="status">{t('common.loading')}</p>) : status.mode === 'field' ? (
        <FieldCopyPanel pkg={status.package!} onDone={() => void load()} />
      ) : (
        <>
          {can('field.export') ? <ExportPanel onDone={() => void load()} inspections={can('inspections.read')} /> : null}
          {can('field.import') ? <ImportPanel onDone={() => void load()} /> : null}
          {exports ? (
            <section className="card" aria-labelledby="field-exports-title">
              <h2 id="field-exports-title">{t('field.exportsTitle')}</h2>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{t('field.exportsTitle')}</caption>
                  <thead><tr><th scope="col">{t('field.exportedAt')}</th><th scope="col">{t('field.label')}</th><th scope="col">{t('field.team')}</th><th scope="col" className="num">{t('field.rows')}</th><th scope="col" className="num">{t('field.imports')}</th></tr></thead>
                  <tbody>
                    {exports.length === 0 ? <tr><td colSpan={5} className="table-empty">{t('field.noExports')}</td></tr> : exports.map((x) => (
                      <tr key={x.id}><td>{formatDateTime(x.createdAt)}</td><td>{x.label}</td><td>{x.members.join(', ')}</td><td className="num">{x.rowCount}</td><td className="num">{x.imports}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
