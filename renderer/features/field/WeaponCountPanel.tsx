import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormError, Select } from '../../components/Form/index.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

type Count = CommandOutput<'field.countWeapons'>;
interface Item { id: string; label: string }

/**
 * The physical count at the armory: serials typed or scanned (a scanner types a line and Enter),
 * compared with the register through the normalised serial; the result goes on the checklist item.
 */
export function WeaponCountPanel() {
  const { t, lang } = useI18n();
  const [inspections, setInspections] = useState<{ id: string; label: string }[]>([]);
  const [inspectionId, setInspectionId] = useState('');
  const [items, setItems] = useState<Item[]>([]);
  const [itemId, setItemId] = useState('');
  const [text, setText] = useState('');
  const [result, setResult] = useState<Count | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void call('inspections.list', {}).then((r) => {
      if (!r.ok) return;
      const xs = r.value.rows.map((i) => ({ id: i.id, label: `${i.reference} · ${i.companyName}` }));
      setInspections(xs);
      if (xs[0]) setInspectionId(xs[0].id);
    });
  }, []);
  useEffect(() => {
    if (!inspectionId) return;
    void call('inspections.get', { id: inspectionId }).then((r) => {
      if (!r.ok) return;
      const xs = r.value.items.map((i) => ({ id: i.id, label: `${i.position}. ${lang === 'en' ? i.text.en : i.text.es}` }));
      setItems(xs);
      const guess = xs.find((i) => /conteo f[ií]sico|physical count/i.test(i.label));
      setItemId(guess?.id ?? xs[0]?.id ?? '');
    });
  }, [inspectionId, lang]);

  if (!inspections.length) return null;
  const serials = text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

  const compare = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const r = await call('field.countWeapons', { inspectionId, serials });
    if (r.ok) setResult(r.value);
    else setError(r.error);
  };

  const record = async () => {
    if (!result) return;
    const ok = result.missing.length === 0 && result.extra.length === 0;
    const note = [
      t('field.countNote', { present: result.present.length, expected: result.expected }),
      result.missing.length ? `${t('field.countMissing')}: ${result.missing.map((w) => `${w.serial} (${w.make})`).join(', ')}.` : '',
      result.extra.length ? `${t('field.countExtra')}: ${result.extra.map((x) => (x.known ? `${x.serial} (${t(`firearmState.${x.known.state}` as never)})` : x.serial)).join(', ')}.` : '',
    ].filter(Boolean).join(' ');
    const r = await call('inspections.answer', { inspectionId, itemId, answer: ok ? 'compliant' : 'non_compliant', note: note.slice(0, 2000) });
    if (r.ok) setSaved(true);
    else setError(r.error);
  };

  return (
    <form className="card" onSubmit={compare} noValidate aria-labelledby="count-title">
      <h2 id="count-title">{t('field.countTitle')}</h2>
      <p className="muted">{t('field.countLead')}</p>
      <FormError error={error} fields={['serials']} />
      <Select id="count-inspection" label={t('field.countInspection')} value={inspectionId} onChange={setInspectionId} options={inspections.map((i) => ({ value: i.id, label: i.label }))} />
      <div className="field">
        <label className="field-label" htmlFor="count-serials">{t('field.countSerials')}</label>
        <textarea id="count-serials" className="input" rows={6} value={text} onChange={(e) => { setText(e.target.value); setResult(null); }} spellCheck={false} autoCapitalize="characters" />
        <p className="field-hint">{t('field.countHint', { count: serials.length })}</p>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-secondary" disabled={!serials.length}>{t('field.countCompare')}</button>
      </div>
      {result ? (
        <div aria-live="polite" data-testid="count-result">
          <div className={`alert ${result.missing.length || result.extra.length ? 'alert-warning' : 'alert-success'}`}>
            <strong>{t('field.countNote', { present: result.present.length, expected: result.expected })}</strong>
            {result.missing.length ? <div>{t('field.countMissing')}: {result.missing.map((w) => `${w.serial} (${w.make})`).join(', ')}</div> : null}
            {result.extra.length ? <div>{t('field.countExtra')}: {result.extra.map((x) => (x.known ? `${x.serial} (${t(`firearmState.${x.known.state}` as never)})` : x.serial)).join(', ')}</div> : null}
            {result.repeated.length ? <div>{t('field.countRepeated')}: {result.repeated.join(', ')}</div> : null}
            {result.unreadable.length ? <div>{t('field.countUnreadable')}: {result.unreadable.join(', ')}</div> : null}
          </div>
          <Select id="count-item" label={t('field.countItem')} value={itemId} onChange={setItemId} options={items.map((i) => ({ value: i.id, label: i.label }))} />
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => void record()} disabled={!itemId}>{t('field.countRecord')}</button>
          </div>
          {saved ? <div className="alert alert-success" role="status">{t('field.countSaved')}</div> : null}
        </div>
      ) : null}
    </form>
  );
}
