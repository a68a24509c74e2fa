import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { k, useQuery } from './useFirearms.ts';
import { StateBadge } from './StateBadge.tsx';

/** Custody lists opened when a licence lapses: the weapons to account for, tracked to zero. */
export function CustodyPage(_props: { can: (p: string) => boolean }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [openOnly, setOpenOnly] = useState(true);
  const lists = useQuery('firearms.custodyLists', { openOnly, limit: 200 });
  const [selected, setSelected] = useState<string | null>(null);
  const items = useQuery('firearms.custodyItems', selected ? { listId: selected } : null);
  return (
    <div className="page">
      <div className="page-header"><div><h1>{t('custody.title')}</h1></div></div>
      <div className="filters card"><label className="checkbox"><input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {t('custody.openOnly')}</label></div>
      <div className="table-wrap" tabIndex={0}>
        <table className="table" aria-label={t('custody.title')}>
          <thead><tr><th>{t('firearms.field.company')}</th><th>{t('custody.reasonLabel')}</th><th>{t('custody.openedAt')}</th><th className="num">{t('custody.total')}</th><th className="num">{t('custody.outstanding')}</th><th>{t('firearms.field.state')}</th><th><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
          <tbody>
            {(lists.data?.rows ?? []).map((l) => (
              <tr key={l.id} aria-selected={selected === l.id}>
                <td>{l.companyName}</td><td>{t(k('custody.reason', l.reason))}</td><td>{formatDateTime(l.openedAt)}</td>
                <td className="num">{formatNumber(l.total)}</td><td className="num"><strong>{formatNumber(l.outstanding)}</strong></td>
                <td>{l.closedAt ? <span className="badge badge-success">{t('custody.closed')}</span> : <span className="badge badge-warning">{t('custody.open')}</span>}</td>
                <td className="actions-cell"><button type="button" className="btn btn-secondary btn-sm" onClick={() => setSelected(l.id)}>{t('custody.show')}</button></td>
              </tr>
            ))}
            {lists.data && lists.data.rows.length === 0 ? <tr><td colSpan={7} className="table-empty">{t('custody.none')}</td></tr> : null}
          </tbody>
        </table>
      </div>
      {selected && items.data ? (
        <section className="card" aria-labelledby="cust-items-h" style={{ marginTop: 16 }}>
          <h2 id="cust-items-h">{items.data.list.companyName} · {t('custody.outstanding')}: {items.data.list.outstanding} / {items.data.list.total}</h2>
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead><tr><th>{t('firearms.field.serial')}</th><th>{t('firearms.field.make')}</th><th>{t('firearms.field.calibre')}</th><th>{t('custody.stateAtOpen')}</th><th>{t('firearms.field.state')}</th><th>{t('custody.accountedAt')}</th></tr></thead>
              <tbody>
                {items.data.items.map((i) => (
                  <tr key={i.firearmId}>
                    <td><a className="fa-serial" href={`#/firearms/${encodeURIComponent(i.firearmId)}`}>{i.serial}</a></td><td>{i.make}</td><td>{i.calibre}</td>
                    <td><StateBadge state={i.stateAtOpen} /></td><td><StateBadge state={i.state} /></td>
                    <td>{i.accountedAt ? formatDateTime(i.accountedAt) : <span className="badge badge-danger">{t('custody.pending')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
