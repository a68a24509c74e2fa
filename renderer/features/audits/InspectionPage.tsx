import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { scoreChecklist, type Answer } from '../../../shared/model/checklist.ts';
import type { Inspection } from '../../../shared/commands/inspections.ts';
import type { IssuedDocument } from '../../../shared/commands/documents.ts';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { PhotosPanel } from './PhotosPanel.tsx';
import { ScoreCard } from './ScoreCard.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { downloadBase64, useQuery } from './useAudits.ts';

/** One inspection: its facts, lifecycle actions, the keyboard checklist with live score, findings, photos, issuing. */
export function InspectionPage({ id, can }: { id: string; can: (p: string) => boolean }) {
  const { t, tError, formatDate, lang } = useI18n();
  const { status } = useSession();
  const q = useQuery('inspections.get', { id });
  const findings = useQuery('findings.list', { inspectionId: id, limit: 500 });
  const fieldCopy = useQuery('field.status', {}); // in a field copy, its one user answers for the team
  const [answers, setAnswers] = useState<Record<string, Answer | undefined>>({});
  const [notes, setNotes] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [date, setDate] = useState('');
  const [issued, setIssued] = useState<{ document: IssuedDocument; base64: string; filename: string } | null>(null);
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    const i = q.data;
    if (!i || loadedFor.current === `${i.id}:${i.status}`) return;
    loadedFor.current = `${i.id}:${i.status}`;
    setAnswers(Object.fromEntries(i.answers.map((a) => [a.itemId, a.answer])));
    setNotes(Object.fromEntries(i.answers.map((a) => [a.itemId, a.note])));
    setDate(i.scheduledDate ?? i.plannedDate);
  }, [q.data]);

  if (!q.data) return <div className="page">{q.error ? <div className="alert alert-error" role="alert">{tError(q.error)}</div> : <p role="status">{t('audits.loading')}</p>}</div>;
  const i: Inspection = q.data;
  // Answers are the team's (the main process refuses anyone else): others see the checklist read-only.
  const onTeam = i.team.some((m) => m.userId === status.user?.id) || fieldCopy.data?.mode === 'field';
  const editable = i.status === 'fieldwork' && can('inspections.write') && onTeam;
  const score = scoreChecklist(i.items, answers);

  const onAnswer = async (itemId: string, answer: Answer, note: string | null) => {
    const prev = { a: answers[itemId], n: notes[itemId] };
    setAnswers((x) => ({ ...x, [itemId]: answer }));
    setNotes((x) => ({ ...x, [itemId]: note }));
    const r = await call('inspections.answer', { inspectionId: i.id, itemId, answer, note });
    if (!r.ok) {
      setError(r.error);
      setAnswers((x) => ({ ...x, [itemId]: prev.a }));
      setNotes((x) => ({ ...x, [itemId]: prev.n ?? null }));
      return;
    }
    setError(null);
    if (r.value.finding || answer === 'compliant' || answer === 'not_applicable') findings.reload();
  };

  const act = async (action: Inspection['actions'][number]) => {
    setBusy(true);
    setError(null);
    if (action === 'issue') {
      const r = await call('documents.issueInspectionReport', { inspectionId: i.id, version: i.version, language: lang });
      setBusy(false);
      if (!r.ok) { setError(r.error); return; }
      setIssued(r.value);
      q.reload();
      findings.reload();
      return;
    }
    const r = await call('inspections.transition', { id: i.id, action, version: i.version, date: action === 'schedule' ? date : null });
    setBusy(false);
    if (!r.ok) { setError(r.error); return; }
    q.set(r.value);
    findings.reload();
  };

  const openIssued = async () => {
    if (issued) { downloadBase64(issued.filename, 'application/pdf', issued.base64); return; }
    if (!i.issuedDocumentId) return;
    const r = await call('documents.get', { id: i.issuedDocumentId });
    if (r.ok) downloadBase64(r.value.filename, 'application/pdf', r.value.base64);
    else setError(r.error);
  };

  return (
    <div className="page au-page">
      <p className="breadcrumb"><a href="#/inspections">{t('audits.back')}</a></p>
      <div className="page-header">
        <div>
          <h1>{i.companyName} <span className="muted mono au-ref">{i.reference}</span></h1>
          <p className="lead">
            <StatusBadge prefix="audits.status" value={i.status} /> {t(`audits.type.${i.type}` as MessageKey)} · {t(`audits.site.${i.site}` as MessageKey)}{i.siteLabel ? ` — ${i.siteLabel}` : ''} · {formatDate(i.scheduledDate ?? i.plannedDate)}
          </p>
          <p className="small muted">{i.template.title[lang]} (v{i.template.version}) · {t('audits.field.team')}: {i.team.map((m) => m.displayName).join(', ')}</p>
        </div>
      </div>
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
      {i.status === 'fieldwork' && can('inspections.write') && !onTeam ? <div className="alert alert-info" role="status">{t('errors.notOnInspectionTeam')}</div> : null}
      {issued ? (
        <div className="alert alert-success" role="status">
          {t('audits.issued', { serial: issued.document.serial })} <button type="button" className="btn btn-link" onClick={() => void openIssued()}>{t('audits.openPdf')}</button>
        </div>
      ) : null}
      {i.actions.length || i.issuedDocumentId ? (
        <div className="card au-actions" role="group" aria-label={t('audits.actions')}>
          {i.actions.includes('schedule') ? <label className="au-date">{t('audits.dateFor')} <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label> : null}
          {i.actions.map((a) => (
            <button key={a} type="button" className={`btn ${a === 'issue' || a === 'start_fieldwork' || a === 'finish_fieldwork' ? 'btn-primary' : 'btn-secondary'}`} disabled={busy} onClick={() => void act(a)}>
              {busy && a === 'issue' ? t('audits.loading') : t(`audits.action.${a}` as MessageKey)}
            </button>
          ))}
          {i.issuedDocumentId && !issued ? <button type="button" className="btn btn-secondary" onClick={() => void openIssued()}>{t('audits.openPdf')}</button> : null}
        </div>
      ) : null}
      <div className="au-layout">
        <ChecklistPanel items={i.items} answers={answers} notes={notes} editable={editable} onAnswer={(a, b, c) => void onAnswer(a, b, c)} />
        <aside className="au-side">
          <ScoreCard score={score} live={editable} />
          <FindingsPanel findings={findings.data?.rows ?? i.findings} canWrite={can('inspections.write')} onChanged={() => { findings.reload(); q.reload(); }} />
          <PhotosPanel inspectionId={i.id} canWrite={can('inspections.write')} />
        </aside>
      </div>
    </div>
  );
}
