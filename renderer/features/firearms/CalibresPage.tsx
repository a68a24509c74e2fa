import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { CALIBRE_KINDS, calibreLabel, type CalibreDef } from '../../../shared/model/calibres.ts';
import { k, useQuery } from './useFirearms.ts';
import { CalibreHint } from './CalibreHint.tsx';

/** The canonical calibre list and its synonyms; the administrator edits it, everyone can try a spelling. */
export function CalibresPage({ can }: { can: (p: string) => boolean }) {
  const { t, tError } = useI18n();
  const list = useQuery('firearms.calibres', {});
  const settings = useQuery('firearms.settings', {});
  const [trial, setTrial] = useState('');
  const [editing, setEditing] = useState<CalibreDef | 'new' | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const admin = can('firearms.configure');
  const remove = async (code: string) => {
    const r = await call('firearms.removeCalibre', { code });
    if (r.ok) { setError(null); list.reload(); } else setError(r.error);
  };
  return (
    <div className="page">
      <div className="page-header">
        <div><h1>{t('calibres.title')}</h1></div>
        <div className="actions">{admin ? <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>{t('calibres.add')}</button> : null}</div>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="cal-try-h">
          <h2 id="cal-try-h">{t('calibres.test')}</h2>
          <TextInput label={t('firearms.field.calibre')} value={trial} onChange={setTrial} hint={<CalibreHint text={trial} list={list.data?.calibres ?? null} />} />
        </section>
        <section className="card" aria-labelledby="cal-dl-h">
          <h2 id="cal-dl-h">{t('firearms.lossDeadline')}</h2>
          {settings.data ? <DeadlineForm days={settings.data.lossReportDeadlineDays} editable={admin} onSaved={settings.reload} /> : null}
        </section>
      </div>
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
      {list.data?.collisions.length ? (
        <div className="alert alert-info">
          <strong>{t('calibres.collisions')}:</strong> {list.data.collisions.map((c) => `${c.key} → ${c.codes.map((x) => calibreLabel(x, list.data!.calibres)).join(' | ')}`).join(' · ')}
        </div>
      ) : null}
      <div className="table-wrap" tabIndex={0}>
        <table className="table" aria-label={t('calibres.title')}>
          <thead><tr><th>{t('calibres.canonical')}</th><th>{t('calibres.code')}</th><th>{t('calibres.kind')}</th><th>{t('calibres.synonymsShort')}</th><th className="num">{t('calibres.inUse')}</th>{admin ? <th><span className="visually-hidden">{t('common.actions')}</span></th> : null}</tr></thead>
          <tbody>
            {(list.data?.calibres ?? []).map((c) => (
              <tr key={c.code}>
                <td><strong>{c.canonical}</strong></td><td className="mono">{c.code}</td><td>{t(k('calibreKind', c.kind))}</td>
                <td className="fa-syn">{c.synonyms.join(' · ')}</td><td className="num">{c.inUse}</td>
                {admin ? (
                  <td className="actions-cell">
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(c)}>{t('calibres.edit')}</button>
                    <button type="button" className="btn btn-ghost btn-sm" disabled={c.inUse > 0} onClick={() => void remove(c.code)}>{t('calibres.remove')}</button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? <CalibreDialog calibre={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onDone={() => { setEditing(null); list.reload(); }} /> : null}
    </div>
  );
}

function DeadlineForm({ days, editable, onSaved }: { days: number; editable: boolean; onSaved(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState(String(days));
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  if (!editable) return <p><strong>{days}</strong></p>;
  const save = async () => {
    const r = await call('firearms.setSettings', { lossReportDeadlineDays: Number(v) });
    if (r.ok) { setError(null); onSaved(); } else setError(r.error);
  };
  return (
    <div className="row">
      <TextInput label={t('firearms.lossDeadline')} type="number" value={v} onChange={setV} error={fe('lossReportDeadlineDays')} />
      <button type="button" className="btn btn-secondary" onClick={() => void save()}>{t('common.save')}</button>
    </div>
  );
}

function CalibreDialog({ calibre, onCancel, onDone }: { calibre: CalibreDef | null; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ code: calibre?.code ?? '', canonical: calibre?.canonical ?? '', kind: calibre?.kind ?? 'handgun', synonyms: (calibre?.synonyms ?? []).join('\n') });
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const set = (f: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [f]: x }));
  const submit = async () => {
    const r = await call('firearms.saveCalibre', { code: v.code, canonical: v.canonical, kind: v.kind as 'handgun', synonyms: v.synonyms.split('\n').map((s) => s.trim()).filter(Boolean) });
    if (r.ok) onDone(); else setError(r.error);
  };
  return (
    <Dialog title={calibre ? `${t('calibres.edit')} · ${calibre.canonical}` : t('calibres.add')} submitLabel={t('calibres.save')} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={['code', 'canonical', 'kind', 'synonyms']} />
      <TextInput label={t('calibres.code')} value={v.code} onChange={set('code')} error={fe('code')} disabled={!!calibre} required />
      <TextInput label={t('calibres.canonical')} value={v.canonical} onChange={set('canonical')} error={fe('canonical')} required />
      <Select label={t('calibres.kind')} value={v.kind} options={CALIBRE_KINDS.map((x) => ({ value: x, label: t(k('calibreKind', x)) }))} onChange={set('kind')} />
      <div className="field">
        <label className="field-label" htmlFor="cal-syn">{t('calibres.synonyms')}</label>
        <textarea id="cal-syn" className="input fa-textarea" value={v.synonyms} onChange={(e) => set('synonyms')(e.target.value)} />
      </div>
    </Dialog>
  );
}
