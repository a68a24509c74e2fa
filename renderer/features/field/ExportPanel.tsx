import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormError, NewPasswordFields, PathInput, TextInput, newPasswordReady, useFieldErrors } from '../../components/Form/index.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { tableLabel } from './labels.ts';

type Member = CommandOutput<'field.listMembers'>[number];
interface Chosen { id: string; name: string; table: 'inspections' | 'companies' }

/**
 * The export dialog: choose the records the team needs, the team, a passphrase (strength checked
 * as it is typed, and again in the main process) and where to write the package.
 */
export function ExportPanel({ onDone, inspections }: { onDone(): void; inspections: boolean }) {
  const { t, formatNumber } = useI18n();
  const [kind, setKind] = useState<'inspections' | 'companies'>(inspections ? 'inspections' : 'companies');
  const [label, setLabel] = useState('');
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Chosen[]>([]);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [team, setTeam] = useState<string[]>([]);
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [done, setDone] = useState<CommandOutput<'field.exportPackage'> | null>(null);
  const fieldError = useFieldErrors(error);

  useEffect(() => { void call('field.listMembers', {}).then((r) => { if (r.ok) setMembers(r.value); }); }, []);
  useEffect(() => {
    const q = search.trim();
    if (q.length < 2) { setResults([]); return; }
    const timer = setTimeout(() => {
      if (kind === 'inspections') {
        void call('inspections.list', { search: q, limit: 8 }).then((r) => {
          if (r.ok) setResults(r.value.rows.map((i) => ({ id: i.id, name: `${i.reference} · ${i.companyName}`, table: 'inspections' as const })));
        });
      } else {
        void call('companies.list', { search: q, limit: 8 }).then((r) => {
          if (r.ok) setResults(r.value.rows.map((c) => ({ id: c.id, name: c.legalName, table: 'companies' as const })));
        });
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [search, kind]);

  const toggle = (c: Chosen, on: boolean) => setChosen((xs) => (on ? [...xs.filter((x) => x.id !== c.id), c] : xs.filter((x) => x.id !== c.id)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    setDone(null);
    if (!newPasswordReady(pass, confirm)) return;
    setBusy(true);
    const items = (['inspections', 'companies'] as const).map((table) => ({ table, ids: chosen.filter((c) => c.table === table).map((c) => c.id) })).filter((i) => i.ids.length);
    const r = await call('field.exportPackage', { label, items, memberIds: team, passphrase: pass, path: path.trim() });
    setBusy(false);
    if (r.ok) {
      setDone(r.value);
      setPass('');
      setConfirm('');
      setTried(false);
      onDone();
    } else setError(r.error);
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="field-export-title">
      <h2 id="field-export-title">{t('field.exportTitle')}</h2>
      <p className="muted">{t('field.exportLead')}</p>
      <FormError error={error} fields={['label', 'items', 'items.0.ids', 'memberIds', 'passphrase', 'path']} />
      <TextInput id="field-label" label={t('field.label')} value={label} onChange={setLabel} required maxLength={200} error={fieldError('label')} />
      <fieldset className="field">
        <legend className="field-label">{t('field.records')}</legend>
        {inspections ? (
          <div className="row" role="radiogroup" aria-label={t('field.records')}>
            {(['inspections', 'companies'] as const).map((k) => (
              <label key={k} className="checkbox">
                <input type="radio" name="field-kind" checked={kind === k} onChange={() => { setKind(k); setResults([]); }} />
                {t(k === 'inspections' ? 'field.byInspection' : 'field.byCompany')}
              </label>
            ))}
          </div>
        ) : null}
        <TextInput id="field-search" type="search" label={t(kind === 'inspections' ? 'field.searchInspections' : 'field.searchCompanies')} value={search} onChange={setSearch} autoComplete="off" />
        {results.length ? (
          <ul className="field-pick" style={{ listStyle: 'none', padding: 0, margin: '4px 0 8px' }} aria-label={t('field.searchResults')}>
            {results.map((c) => (
              <li key={c.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={chosen.some((x) => x.id === c.id)} onChange={(e) => toggle(c, e.target.checked)} />
                  {c.name}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="small" data-testid="field-chosen">
          {chosen.length ? `${t('field.chosen', { count: chosen.length })}: ${chosen.map((c) => c.name).join(' · ')}` : t('field.noneChosen')}
        </p>
        {fieldError('items') ?? fieldError('items.0.ids') ? <p className="field-error">{fieldError('items') ?? fieldError('items.0.ids')}</p> : null}
      </fieldset>
      <fieldset className="field">
        <legend className="field-label">{t('field.team')}</legend>
        <div className="choice-list">
          {members.map((m) => (
            <label key={m.id} className="checkbox">
              <input type="checkbox" checked={team.includes(m.id)} onChange={(e) => setTeam((xs) => (e.target.checked ? [...xs, m.id] : xs.filter((x) => x !== m.id)))} />
              {m.displayName} <span className="muted small">({m.username} · {t(`role.${m.role}` as never)})</span>
            </label>
          ))}
        </div>
        {fieldError('memberIds') ? <p className="field-error">{fieldError('memberIds')}</p> : null}
      </fieldset>
      <NewPasswordFields label={t('field.passphrase')} idPrefix="field-passphrase" password={pass} confirm={confirm} onPassword={setPass} onConfirm={setConfirm} showErrors={tried} error={fieldError('passphrase')} />
      <PathInput request={{ kind: 'saveFile', title: t('field.exportTitle'), extension: 'cfp', extensionLabel: t('field.file') }} id="field-path" label={t('field.file')} hint={t('field.fileHint')} value={path} onChange={setPath} spellCheck={false} autoCapitalize="off" required error={fieldError('path')} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('field.exporting') : t('field.export')}</button>
      </div>
      <div aria-live="polite">
        {done ? (
          <div className="alert alert-success" data-testid="field-exported">
            <strong>{t('field.exported', { path: done.path })}</strong>
            <div>{done.counts.map((c) => `${tableLabel(t, c.table)}: ${formatNumber(c.rows)}`).join(' · ')}</div>
            <div className="small">{t('field.fingerprint')}: <span className="hash">{done.agencyFingerprint}</span></div>
          </div>
        ) : null}
      </div>
    </form>
  );
}
