import { useState } from 'react';
import { FormError, Select, TextInput } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { ChecklistItem, ChecklistTemplate } from '../../../shared/commands/inspections.ts';
import { useQuery } from './useAudits.ts';

interface Row { itemKey: string | null; sectionEs: string; sectionEn: string; ref: string; level: number; textEs: string; textEn: string; guidanceEs: string; guidanceEn: string }

const toRows = (items: ChecklistItem[]): Row[] => items.map((i) => ({
  itemKey: i.itemKey, sectionEs: i.section.es, sectionEn: i.section.en, ref: i.ref, level: i.level, textEs: i.text.es, textEn: i.text.en, guidanceEs: i.guidance.es, guidanceEn: i.guidance.en,
}));

/** Rows (each carrying its section) back into sections in order: consecutive rows with the same section title form one. */
function toSections(rows: Row[]) {
  const sections: { title: { es: string; en: string }; items: { itemKey: string | null; ref: string; level: number; text: { es: string; en: string }; guidance: { es: string; en: string } }[] }[] = [];
  for (const r of rows) {
    const last = sections[sections.length - 1];
    const item = { itemKey: r.itemKey, ref: r.ref, level: r.level, text: { es: r.textEs, en: r.textEn }, guidance: { es: r.guidanceEs, en: r.guidanceEn } };
    if (last && last.title.es === r.sectionEs) last.items.push(item);
    else sections.push({ title: { es: r.sectionEs, en: r.sectionEn }, items: [item] });
  }
  return sections;
}

/**
 * Checklist templates by version. Administrators edit a version into a new one (a used
 * version never changes); items keep their key so recurrence still matches.
 */
export function ChecklistsPage({ can }: { can: (p: string) => boolean }) {
  const { t, lang, formatDate } = useI18n();
  const list = useQuery('checklists.list', {});
  const [editing, setEditing] = useState<{ base: ChecklistTemplate | null; rows: Row[]; code: string; kind: string; titleEs: string; titleEn: string } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = async (tpl: ChecklistTemplate) => {
    const r = await call('checklists.get', { id: tpl.id });
    if (r.ok) setEditing({ base: tpl, rows: toRows(r.value.items), code: tpl.code, kind: tpl.kind, titleEs: tpl.title.es, titleEn: tpl.title.en });
  };
  const save = async () => {
    if (!editing) return;
    setBusy(true);
    const r = await call('checklists.saveVersion', {
      basedOnId: editing.base?.id ?? null, code: editing.code, kind: editing.kind as 'armory', title: { es: editing.titleEs, en: editing.titleEn }, sections: toSections(editing.rows) as never,
    });
    setBusy(false);
    if (!r.ok) { setError(r.error); return; }
    setEditing(null);
    setError(null);
    list.reload();
  };
  const setRow = (k: number, patch: Partial<Row>) => setEditing((e) => e && { ...e, rows: e.rows.map((r, i) => (i === k ? { ...r, ...patch } : r)) });
  if (editing) {
    return (
      <div className="page">
        <h1>{editing.base ? t('audits.tpl.newVersionOf', { code: editing.code, version: editing.base.version + 1 }) : t('audits.tpl.new')}</h1>
        <form className="card" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <FormError error={error} fields={['code', 'kind', 'title.es', 'title.en']} />
          <div className="au-grid2">
            <TextInput label={t('audits.tpl.code')} required value={editing.code} disabled={!!editing.base} onChange={(v) => setEditing({ ...editing, code: v })} />
            <Select label={t('audits.tpl.kind')} value={editing.kind} onChange={(v) => setEditing({ ...editing, kind: v })} options={['armory', 'office', 'thematic'].map((k) => ({ value: k, label: t(`audits.tpl.kind.${k}` as 'audits.tpl.kind.armory') }))} />
            <TextInput label={`${t('audits.tpl.title')} (ES)`} required value={editing.titleEs} onChange={(v) => setEditing({ ...editing, titleEs: v })} />
            <TextInput label={`${t('audits.tpl.title')} (EN)`} required value={editing.titleEn} onChange={(v) => setEditing({ ...editing, titleEn: v })} />
          </div>
          <ol className="au-tpl-items">
            {editing.rows.map((r, k) => (
              <li key={k} className="au-tpl-item">
                <div className="au-grid2">
                  <TextInput label={`${t('audits.tpl.section')} (ES)`} value={r.sectionEs} onChange={(v) => setRow(k, { sectionEs: v })} />
                  <TextInput label={`${t('audits.tpl.section')} (EN)`} value={r.sectionEn} onChange={(v) => setRow(k, { sectionEn: v })} />
                  <TextInput label={`${t('audits.tpl.text')} (ES)`} required value={r.textEs} onChange={(v) => setRow(k, { textEs: v })} />
                  <TextInput label={`${t('audits.tpl.text')} (EN)`} required value={r.textEn} onChange={(v) => setRow(k, { textEn: v })} />
                  <TextInput label={t('audits.tpl.ref')} required value={r.ref} onChange={(v) => setRow(k, { ref: v })} />
                  <Select label={t('audits.field.level')} value={String(r.level)} onChange={(v) => setRow(k, { level: Number(v) })} options={[1, 2, 3].map((l) => ({ value: String(l), label: String(l) }))} />
                </div>
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing({ ...editing, rows: editing.rows.filter((_, i) => i !== k) })}>{t('audits.tpl.remove')}</button>
              </li>
            ))}
          </ol>
          <button type="button" className="btn btn-secondary" onClick={() => {
            const last = editing.rows[editing.rows.length - 1];
            setEditing({ ...editing, rows: [...editing.rows, { itemKey: null, sectionEs: last?.sectionEs ?? '', sectionEn: last?.sectionEn ?? '', ref: '', level: 2, textEs: '', textEn: '', guidanceEs: '', guidanceEn: '' }] });
          }}>{t('audits.tpl.addItem')}</button>
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => { setEditing(null); setError(null); }}>{t('audits.cancel')}</button>
            <button type="submit" className="btn btn-primary" disabled={busy}>{t('audits.tpl.saveVersion')}</button>
          </div>
        </form>
      </div>
    );
  }
  return (
    <div className="page">
      <div className="page-header">
        <div><h1>{t('audits.tpl.titlePage')}</h1><p className="lead">{t('audits.tpl.lead')}</p></div>
        {can('checklists.manage') ? <button type="button" className="btn btn-primary" onClick={() => setEditing({ base: null, rows: [], code: '', kind: 'office', titleEs: '', titleEn: '' })}>{t('audits.tpl.new')}</button> : null}
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th scope="col">{t('audits.tpl.code')}</th><th scope="col">{t('audits.tpl.title')}</th><th scope="col">{t('audits.tpl.version')}</th><th scope="col">{t('audits.tpl.items')}</th><th scope="col">{t('audits.field.status')}</th><th scope="col">{t('audits.tpl.created')}</th><th scope="col"><span className="visually-hidden">{t('audits.actions')}</span></th></tr></thead>
          <tbody>
            {(list.data ?? []).map((tpl) => (
              <tr key={tpl.id}>
                <td className="mono">{tpl.code}</td>
                <td>{tpl.title[lang]}</td>
                <td>v{tpl.version}</td>
                <td>{tpl.itemCount}</td>
                <td><span className={`badge ${tpl.status === 'active' ? 'badge-success' : 'badge-info'}`}>{t(`audits.tpl.status.${tpl.status}`)}</span>{tpl.inUse ? <span className="badge badge-info">{t('audits.tpl.inUse')}</span> : null}</td>
                <td>{formatDate(tpl.createdAt)}</td>
                <td>{can('checklists.manage') && tpl.status === 'active' ? <button type="button" className="btn btn-sm btn-secondary" onClick={() => void edit(tpl)}>{t('audits.tpl.edit')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
