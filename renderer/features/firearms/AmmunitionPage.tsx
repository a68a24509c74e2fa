import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { AmmoLot } from '../../../shared/commands/ammunition.ts';
import { AMMO_CONSUMPTION_REASONS, AMMO_TYPES } from '../../../shared/model/firearms.ts';
import { k, todayLocal, useArmoryOptions, useCompanyOptions, useQuery } from './useFirearms.ts';
import { CalibreHint } from './CalibreHint.tsx';

type Mode = { kind: 'receive' } | { kind: 'consume' | 'count' | 'transfer'; lot: AmmoLot };

/** Ammunition lots with their balance, balances per company and armory, receipts, consumption and counts. */
export function AmmunitionPage({ can }: { can: (p: string) => boolean }) {
  const { t, tError, formatNumber, formatDate } = useI18n();
  const [companyId, setCompanyId] = useState('');
  const [discrepancyOnly, setDiscrepancyOnly] = useState(false);
  const companies = useCompanyOptions();
  const lots = useQuery('ammunition.list', { companyId: companyId || null, discrepancyOnly, limit: 200 });
  const balances = useQuery('ammunition.balances', { companyId: companyId || null });
  const [mode, setMode] = useState<Mode | null>(null);
  const done = () => { setMode(null); lots.reload(); balances.reload(); };
  return (
    <div className="page">
      <div className="page-header">
        <div><h1>{t('ammo.title')}</h1></div>
        <div className="actions">{can('firearms.write') ? <button type="button" className="btn btn-primary" onClick={() => setMode({ kind: 'receive' })}>{t('ammo.receive')}</button> : null}</div>
      </div>
      <div className="filters card">
        <Select label={t('firearms.field.company')} value={companyId} placeholder={t('firearms.allCompanies')} options={companies} onChange={setCompanyId} />
        <label className="checkbox"><input type="checkbox" checked={discrepancyOnly} onChange={(e) => setDiscrepancyOnly(e.target.checked)} /> {t('ammo.discrepancyOnly')}</label>
      </div>
      {lots.error ? <div className="alert alert-error" role="alert">{tError(lots.error)}</div> : null}
      <div className="table-wrap" tabIndex={0}>
        <table className="table" aria-label={t('ammo.title')}>
          <thead><tr>
            <th>{t('firearms.field.company')}</th><th>{t('firearms.field.armory')}</th><th>{t('firearms.field.calibre')}</th><th>{t('ammo.type')}</th>
            <th>{t('ammo.lotNumber')}</th><th>{t('ammo.manufacturer')}</th><th className="num">{t('ammo.balance')}</th><th>{t('ammo.lastCount')}</th>{can('firearms.write') ? <th><span className="visually-hidden">{t('common.actions')}</span></th> : null}
          </tr></thead>
          <tbody>
            {(lots.data?.rows ?? []).map((l) => (
              <tr key={l.id}>
                <td>{l.companyName}</td><td>{l.armoryName ?? <span className="muted">{t('common.none')}</span>}</td><td>{l.calibre}</td><td>{t(k('ammoType', l.ammoType))}</td>
                <td className="mono">{l.lotNumber}</td><td>{l.manufacturer}</td><td className="num">{formatNumber(l.balance)}</td>
                <td>{l.lastCount ? (l.discrepancy
                  ? <span className="badge badge-danger" title={t('ammo.discrepancyDetail', l.lastCount)}>{t('ammo.discrepancy')}: {t('ammo.discrepancyDetail', l.lastCount)}</span>
                  : <span className="badge badge-success">{formatDate(l.lastCount.on)}</span>) : <span className="muted">{t('common.none')}</span>}</td>
                {can('firearms.write') ? (
                  <td className="actions-cell">
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => setMode({ kind: 'consume', lot: l })}>{t('ammo.consume')}</button>
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => setMode({ kind: 'transfer', lot: l })}>{t('ammo.transfer')}</button>
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => setMode({ kind: 'count', lot: l })}>{t('ammo.count')}</button>
                  </td>
                ) : null}
              </tr>
            ))}
            {lots.data && lots.data.rows.length === 0 ? <tr><td colSpan={9} className="table-empty">{t('firearms.empty')}</td></tr> : null}
          </tbody>
        </table>
      </div>
      <p className="muted small">{lots.data ? `${formatNumber(lots.data.rows.length)} / ${formatNumber(lots.data.total)}` : null}</p>
      <section className="card" aria-labelledby="ammo-bal-h">
        <h2 id="ammo-bal-h">{t('ammo.balances')}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead><tr><th>{t('firearms.field.company')}</th><th>{t('firearms.field.armory')}</th><th>{t('firearms.field.calibre')}</th><th className="num">{t('ammo.lots')}</th><th className="num">{t('ammo.rounds')}</th></tr></thead>
            <tbody>
              {(balances.data ?? []).map((b) => (
                <tr key={`${b.companyId}-${b.armoryId}-${b.calibreCode}`}><td>{b.companyName}</td><td>{b.armoryName ?? <span className="muted">{t('common.none')}</span>}</td><td>{b.calibre}</td><td className="num">{formatNumber(b.lots)}</td><td className="num">{formatNumber(b.rounds)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {mode?.kind === 'receive' ? <ReceiveDialog onCancel={() => setMode(null)} onDone={done} /> : null}
      {mode && mode.kind !== 'receive' ? <LotDialog mode={mode} onCancel={() => setMode(null)} onDone={done} /> : null}
    </div>
  );
}

function ReceiveDialog({ onCancel, onDone }: { onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ companyId: '', armoryId: '', calibre: '', ammoType: 'fmj', lotNumber: '', manufacturer: '', quantity: '', date: todayLocal() });
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const companies = useCompanyOptions();
  const armories = useArmoryOptions(v.companyId);
  const calibres = useQuery('firearms.calibres', {});
  const set = (f: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [f]: x }));
  const submit = async () => {
    const r = await call('ammunition.receive', { ...v, armoryId: v.armoryId || null, ammoType: v.ammoType as 'fmj', quantity: Number(v.quantity) || 0 });
    if (r.ok) onDone(); else setError(r.error);
  };
  return (
    <Dialog title={t('ammo.receive')} submitLabel={t('ammo.receive')} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={Object.keys(v)} />
      <Select label={t('firearms.field.company')} value={v.companyId} placeholder="—" options={companies} onChange={set('companyId')} error={fe('companyId')} required />
      <Select label={t('firearms.field.armory')} value={v.armoryId} placeholder={t('firearms.noArmory')} options={armories} onChange={set('armoryId')} error={fe('armoryId')} />
      <TextInput label={t('firearms.field.calibre')} value={v.calibre} onChange={set('calibre')} error={fe('calibre')} hint={<CalibreHint text={v.calibre} list={calibres.data?.calibres ?? null} />} required />
      <Select label={t('ammo.type')} value={v.ammoType} options={AMMO_TYPES.map((x) => ({ value: x, label: t(k('ammoType', x)) }))} onChange={set('ammoType')} />
      <TextInput label={t('ammo.lotNumber')} value={v.lotNumber} onChange={set('lotNumber')} error={fe('lotNumber')} required />
      <TextInput label={t('ammo.manufacturer')} value={v.manufacturer} onChange={set('manufacturer')} error={fe('manufacturer')} required />
      <TextInput label={t('ammo.quantity')} type="number" value={v.quantity} onChange={set('quantity')} error={fe('quantity')} required />
      <TextInput label={t('firearms.form.date')} type="date" value={v.date} onChange={set('date')} error={fe('date')} required />
    </Dialog>
  );
}

function LotDialog({ mode, onCancel, onDone }: { mode: { kind: 'consume' | 'count' | 'transfer'; lot: AmmoLot }; onCancel(): void; onDone(): void }) {
  const { t, formatNumber } = useI18n();
  const [v, setV] = useState({ quantity: '', reason: 'training', declared: String(mode.lot.balance), counted: '', date: todayLocal(), toCompanyId: mode.lot.companyId, toArmoryId: '' });
  const companies = useCompanyOptions();
  const armories = useArmoryOptions(v.toCompanyId);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const set = (f: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [f]: x }));
  const submit = async () => {
    const r = mode.kind === 'consume'
      ? await call('ammunition.consume', { lotId: mode.lot.id, quantity: Number(v.quantity) || 0, reason: v.reason as 'training', date: v.date })
      : mode.kind === 'transfer'
        ? await call('ammunition.transfer', { lotId: mode.lot.id, quantity: Number(v.quantity) || 0, toCompanyId: v.toCompanyId, toArmoryId: v.toArmoryId || null, date: v.date })
        : await call('ammunition.count', { lotId: mode.lot.id, declared: Number(v.declared), counted: v.counted === '' ? -1 : Number(v.counted), date: v.date });
    if (r.ok) onDone(); else setError(r.error);
  };
  const label = t(mode.kind === 'consume' ? 'ammo.consume' : mode.kind === 'transfer' ? 'ammo.transfer' : 'ammo.count');
  const title = `${label} · ${mode.lot.lotNumber} (${mode.lot.calibre})`;
  return (
    <Dialog title={title} submitLabel={label} onSubmit={() => void submit()} onCancel={onCancel}>
      <p className="muted">{t('ammo.balance')}: {formatNumber(mode.lot.balance)}</p>
      <FormError error={error} fields={['quantity', 'declared', 'counted', 'date', 'toCompanyId', 'toArmoryId']} />
      {mode.kind === 'transfer' ? (
        <>
          <TextInput label={t('ammo.quantity')} type="number" value={v.quantity} onChange={set('quantity')} error={fe('quantity')} required />
          <Select label={t('firearms.form.toCompanyId')} value={v.toCompanyId} options={companies} onChange={(x) => setV((o) => ({ ...o, toCompanyId: x, toArmoryId: '' }))} error={fe('toCompanyId')} required />
          <Select label={t('firearms.form.toArmoryId')} value={v.toArmoryId} placeholder={t('firearms.noArmory')} options={armories} onChange={set('toArmoryId')} error={fe('toArmoryId')} />
        </>
      ) : mode.kind === 'consume' ? (
        <>
          <TextInput label={t('ammo.quantity')} type="number" value={v.quantity} onChange={set('quantity')} error={fe('quantity')} required />
          <Select label={t('ammo.reason')} value={v.reason} options={AMMO_CONSUMPTION_REASONS.map((x) => ({ value: x, label: t(k('ammoReason', x)) }))} onChange={set('reason')} />
        </>
      ) : (
        <>
          <TextInput label={t('ammo.declared')} type="number" value={v.declared} onChange={set('declared')} error={fe('declared')} required />
          <TextInput label={t('ammo.counted')} type="number" value={v.counted} onChange={set('counted')} error={fe('counted')} required />
        </>
      )}
      <TextInput label={t('firearms.form.date')} type="date" value={v.date} onChange={set('date')} error={fe('date')} required />
    </Dialog>
  );
}
