import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { Finding } from '../../../shared/commands/inspections.ts';
import { FINDING_SEVERITIES } from '../../../shared/model/findingLifecycle.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The inspection's findings: severity, recurrence, due date; edit and the lifecycle actions the role allows. */
export function FindingsPanel({ findings, canWrite, onChanged }: { findings: Finding[]; canWrite: boolean; onChanged(): void }) {
  const { t, formatDate, tError } = useI18n();
  const [editing, setEditing] = useState<Finding | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const act = async (f: Finding, action: Finding['actions'][number]) => {
    setError(null);
    const r = await call('findings.transition', { id: f.id, action, version: f.version });
    if (!r.ok) setError(r.error);
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="au-findings-h">
      <div className="card-header"><h2 id="au-findings-h">{t('audits.findings')} ({findings.length})</h2></div>
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
      {findings.length === 0 ? <p className="muted">{t('audits.noFindings')}</p> : (
        <ul className="au-findings">
          {findings.map((f) => (
            <li key={f.id} className="au-finding">
              <div className="row">
                <StatusBadge prefix="audits.severity" value={f.severity} />
                <StatusBadge prefix="audits.findingStatus" value={f.status} />
                {f.recurrence > 1 ? <span className="badge badge-danger">{t('audits.field.recurrence')}: ×{f.recurrence}</span> : null}
              </div>
              <div className="au-finding-title">{f.title}</div>
              <div className="small muted">{f.reference} · {t('audits.field.dueDate')}: {f.dueDate ? formatDate(f.dueDate) : '—'} · {t('audits.field.daysOpen')}: {f.daysOpen}</div>
              {f.rootCause ? <div className="small">{t('audits.field.rootCause')}: {f.rootCause}</div> : null}
              {f.correctiveAction ? <div className="small">{t('audits.field.correctiveAction')}: {f.correctiveAction}</div> : null}
              {canWrite ? (
                <div className="row au-finding-actions">
                  {f.status !== 'closed' && f.status !== 'escalated' ? <button type="button" className="btn btn-sm btn-secondary" onClick={() => setEditing(f)}>{t('audits.editFinding')}</button> : null}
                  {f.actions.map((a) => <button key={a} type="button" className="btn btn-sm btn-secondary" onClick={() => void act(f, a)}>{t(`audits.findingAction.${a}` as MessageKey)}</button>)}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editing ? <EditFinding finding={editing} onDone={() => { setEditing(null); onChanged(); }} /> : null}
    </section>
  );
}

function EditFinding({ finding, onDone }: { finding: Finding; onDone(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ severity: finding.severity, title: finding.title, rootCause: finding.rootCause ?? '', correctiveAction: finding.correctiveAction ?? '', dueDate: finding.dueDate ?? '' });
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const save = async () => {
    const r = await call('findings.update', { id: finding.id, version: finding.version, severity: f.severity, title: f.title, rootCause: f.rootCause || null, correctiveAction: f.correctiveAction || null, dueDate: f.dueDate || null });
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <Dialog title={t('audits.editFinding')} submitLabel={t('audits.save')} onSubmit={() => void save()} onCancel={onDone}>
      <FormError error={error} fields={['severity', 'title', 'rootCause', 'correctiveAction', 'dueDate']} />
      <Select label={t('audits.field.severity')} value={f.severity} onChange={(v) => setF({ ...f, severity: v as Finding['severity'] })} options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`audits.severity.${s}` as MessageKey) }))} />
      <TextInput label={t('audits.pdf.item')} value={f.title} error={fe('title')} onChange={(v) => setF({ ...f, title: v })} />
      <TextInput label={t('audits.field.rootCause')} value={f.rootCause} error={fe('rootCause')} onChange={(v) => setF({ ...f, rootCause: v })} />
      <TextInput label={t('audits.field.correctiveAction')} value={f.correctiveAction} error={fe('correctiveAction')} onChange={(v) => setF({ ...f, correctiveAction: v })} />
      <TextInput label={t('audits.field.dueDate')} type="date" value={f.dueDate} error={fe('dueDate')} onChange={(v) => setF({ ...f, dueDate: v })} />
    </Dialog>
  );
}
