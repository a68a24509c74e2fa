import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { SelectOption } from '../../components/Form/index.ts';
import { emptyBranch, emptyOwner, type BranchDraft, type OwnerDraft } from './formModel.ts';

const cid = (path: string) => `cf-${path.replace(/\./g, '-')}`;

/** A compact input for a table cell: the column header is its visible label. */
function CellInput({ path, label, value, onChange, err, type, required }: {
  path: string; label: string; value: string; onChange(v: string): void; err(p: string): string | undefined; type?: string; required?: boolean;
}) {
  const e = err(path);
  return (
    <>
      <input
        id={cid(path)}
        className="input"
        type={type ?? 'text'}
        value={value}
        aria-label={label}
        aria-invalid={e ? true : undefined}
        aria-describedby={e ? `${cid(path)}-error` : undefined}
        aria-required={required || undefined}
        onChange={(ev) => onChange(ev.target.value)}
        autoComplete="off"
      />
      {e ? <div id={`${cid(path)}-error`} className="field-error">{e}</div> : null}
    </>
  );
}

/** Beneficial owners: name, id, nationality, share and their criminal-record declaration. */
export function OwnersEditor({ owners, onChange, err, countryOptions }: {
  owners: OwnerDraft[]; onChange(o: OwnerDraft[]): void; err(p: string): string | undefined; countryOptions: SelectOption[];
}) {
  const { t } = useI18n();
  const put = (i: number, patch: Partial<OwnerDraft>) => onChange(owners.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const groupError = err('owners');
  const h = {
    fullName: t('companies.owner.fullName'), nationalId: t('companies.owner.nationalId'), nationality: t('companies.owner.nationality'),
    share: t('companies.owner.sharePercent'), declared: t('companies.owner.declaredShort'), date: t('companies.owner.declarationDate'),
  };
  return (
    <fieldset className="card">
      <legend>{t('companies.section.owners')}</legend>
      {groupError ? <div className="alert alert-error" role="alert" id={cid('owners')} tabIndex={-1} aria-invalid="true">{groupError}</div> : null}
      {owners.length === 0 ? <p className="muted">{t('companies.owners.empty')}</p> : (
        <div className="table-wrap co-edit-table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{h.fullName} <span className="field-required">({t('common.required')})</span></th>
                <th scope="col">{h.nationalId}</th>
                <th scope="col">{h.nationality}</th>
                <th scope="col" className="co-w-share">{h.share}</th>
                <th scope="col" className="co-w-check">{h.declared}</th>
                <th scope="col" className="co-w-date">{h.date}</th>
                <th scope="col" className="co-w-act"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {owners.map((o, i) => (
                <tr key={o.key}>
                  <td><CellInput path={`owners.${i}.fullName`} label={`${h.fullName} ${i + 1}`} value={o.fullName} onChange={(v) => put(i, { fullName: v })} err={err} required /></td>
                  <td><CellInput path={`owners.${i}.nationalId`} label={`${h.nationalId} ${i + 1}`} value={o.nationalId} onChange={(v) => put(i, { nationalId: v })} err={err} /></td>
                  <td>
                    <select id={cid(`owners.${i}.nationality`)} className="input select" aria-label={`${h.nationality} ${i + 1}`} value={o.nationality}
                      aria-invalid={err(`owners.${i}.nationality`) ? true : undefined} onChange={(e) => put(i, { nationality: e.target.value })}>
                      <option value="">{t('common.none')}</option>
                      {countryOptions.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
                    </select>
                  </td>
                  <td><CellInput path={`owners.${i}.sharePercent`} label={`${h.share} ${i + 1}`} type="number" value={o.sharePercent} onChange={(v) => put(i, { sharePercent: v })} err={err} /></td>
                  <td className="co-center">
                    <input type="checkbox" className="co-check" aria-label={`${t('companies.owner.declaration')} ${i + 1}`} checked={o.criminalRecordDeclared}
                      onChange={(e) => put(i, { criminalRecordDeclared: e.target.checked })} />
                  </td>
                  <td><CellInput path={`owners.${i}.declarationDate`} label={`${h.date} ${i + 1}`} type="date" value={o.declarationDate} onChange={(v) => put(i, { declarationDate: v })} err={err} /></td>
                  <td className="actions-cell">
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(owners.filter((_, j) => j !== i))}
                      aria-label={t('companies.owner.remove', { n: i + 1 })}>{t('common.remove')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="btn btn-secondary btn-sm co-add" onClick={() => onChange([...owners, emptyOwner()])}>+ {t('companies.owner.add')}</button>
    </fieldset>
  );
}

export function BranchesEditor({ branches, onChange, err }: { branches: BranchDraft[]; onChange(b: BranchDraft[]): void; err(p: string): string | undefined }) {
  const { t } = useI18n();
  const put = (i: number, patch: Partial<BranchDraft>) => onChange(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const h = { name: t('companies.branch.name'), city: t('companies.branch.city'), address: t('companies.branch.address'), phone: t('companies.branch.phone') };
  return (
    <fieldset className="card">
      <legend>{t('companies.section.branches')}</legend>
      {branches.length === 0 ? <p className="muted">{t('companies.branches.empty')}</p> : (
        <div className="table-wrap co-edit-table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{h.name} <span className="field-required">({t('common.required')})</span></th>
                <th scope="col">{h.city} <span className="field-required">({t('common.required')})</span></th>
                <th scope="col">{h.address}</th>
                <th scope="col">{h.phone}</th>
                <th scope="col" className="co-w-act"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {branches.map((b, i) => (
                <tr key={b.key}>
                  <td><CellInput path={`branches.${i}.name`} label={`${h.name} ${i + 1}`} value={b.name} onChange={(v) => put(i, { name: v })} err={err} required /></td>
                  <td><CellInput path={`branches.${i}.city`} label={`${h.city} ${i + 1}`} value={b.city} onChange={(v) => put(i, { city: v })} err={err} required /></td>
                  <td><CellInput path={`branches.${i}.address`} label={`${h.address} ${i + 1}`} value={b.address} onChange={(v) => put(i, { address: v })} err={err} /></td>
                  <td><CellInput path={`branches.${i}.phone`} label={`${h.phone} ${i + 1}`} value={b.phone} onChange={(v) => put(i, { phone: v })} err={err} type="tel" /></td>
                  <td className="actions-cell">
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(branches.filter((_, j) => j !== i))}
                      aria-label={t('companies.branch.remove', { n: i + 1 })}>{t('common.remove')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="btn btn-secondary btn-sm co-add" onClick={() => onChange([...branches, emptyBranch()])}>+ {t('companies.branch.add')}</button>
    </fieldset>
  );
}
