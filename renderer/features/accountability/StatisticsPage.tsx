import { useMemo, useState } from 'react';
import { Select, TextInput } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { StatisticsFilters } from '../../../shared/commands/statistics.ts';
import { FIGURES, type FigureData, type FigureId } from '../../../shared/statistics/figures.ts';
import { figureHeight, figureLabels, figureOption } from '../../../shared/statistics/chartOption.ts';
import { Chart } from './Chart.tsx';
import { DrillList } from './DrillList.tsx';
import { PublishActions } from './PublishActions.tsx';
import { useTk } from './common.tsx';
import { useLoad } from './useLoad.ts';

export interface Drill { figure: FigureId; category: string; series: string | null; label: string }

/** National statistics: every figure for a period and region; any bar opens the list behind it. */
export function StatisticsPage({ can }: { can: (p: string) => boolean }) {
  const { t, tError } = useI18n();
  const [draft, setDraft] = useState({ from: '', to: '', region: '' });
  const [filters, setFilters] = useState<StatisticsFilters>({ from: null, to: null, region: null });
  const [drill, setDrill] = useState<Drill | null>(null);
  const [filterError, setFilterError] = useState<AppErrorData | null>(null);
  const data = useLoad('statistics.figures', { filters });

  const apply = async () => {
    const next = { from: draft.from || null, to: draft.to || null, region: draft.region || null };
    // Validate once through the same contract before re-querying every figure.
    const r = await call('statistics.figures', { filters: next, ids: ['incidentReporting'] });
    if (!r.ok) { setFilterError(r.error); return; }
    setFilterError(null);
    setDrill(null);
    setFilters(next);
  };

  return (
    <div className="page acc-stats">
      <div className="page-header">
        <div><h1>{t('statistics.title')}</h1><p className="lead">{t('statistics.drillHint')}</p></div>
        <PublishActions can={can} />
      </div>
      <form className="filters acc-stat-filters" onSubmit={(e) => { e.preventDefault(); void apply(); }}>
        <TextInput label={t('statistics.from')} type="date" value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} />
        <TextInput label={t('statistics.to')} type="date" value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} error={filterError ? tError(filterError) : undefined} />
        <Select label={t('statistics.region')} value={draft.region} placeholder={t('statistics.allRegions')} options={(data.value?.regions ?? []).map((r) => ({ value: r, label: r }))} onChange={(v) => setDraft({ ...draft, region: v })} />
        <button type="submit" className="btn btn-primary">{t('statistics.apply')}</button>
      </form>
      {data.error ? <div className="alert alert-error" role="alert">{tError(data.error)}</div> : null}
      {drill ? <DrillList drill={drill} filters={filters} onBack={() => setDrill(null)} /> : (
        <div className="acc-figures" aria-busy={data.loading}>
          {(data.value?.figures ?? []).map((f) => <FigureCard key={f.id} figure={f} onPick={setDrill} />)}
        </div>
      )}
    </div>
  );
}

function FigureCard({ figure, onPick }: { figure: FigureData; onPick(d: Drill): void }) {
  const { t } = useI18n();
  const tk = useTk();
  const labels = useMemo(() => figureLabels(figure.id, (k) => tk(k), figure.labels), [figure.id, figure.labels, tk]);
  const option = useMemo(() => figureOption(figure, labels, { animation: true }), [figure, labels]);
  const title = tk(`statistics.figure.${figure.id}`);
  const open = (category: string, series: string | null) => onPick({
    figure: figure.id, category, series, label: `${labels.category(category)}${series ? ` · ${labels.series(series)}` : ''}`,
  });
  const meta = FIGURES[figure.id];
  return (
    <section className="card acc-figure" aria-labelledby={`fig-${figure.id}`} data-figure={figure.id}>
      <div className="acc-figure-head">
        <h2 id={`fig-${figure.id}`}>{title}</h2>
        <span className="badge">{t('statistics.total', { n: figure.total })}</span>
      </div>
      {meta.period ? null : <p className="small muted">{t('statistics.snapshot')}</p>}
      {figure.categories.length === 0 ? <p className="muted acc-empty">{t('statistics.noData')}</p> : (
        <>
          <Chart option={option} label={title} onPick={open} height={figureHeight(figure)} />
          <details className="acc-data">
            <summary>{t('statistics.figureTable')}</summary>
            <table className="table">
              <thead><tr><th scope="col">{title}</th>{figure.series.map((s) => <th key={s} scope="col" className="num">{s === 'count' ? '#' : labels.series(s)}</th>)}</tr></thead>
              <tbody>
                {figure.categories.map((c, ci) => (
                  <tr key={c}>
                    <th scope="row">{labels.category(c) || '—'}</th>
                    {figure.series.map((s, si) => (
                      <td key={s} className="num">
                        <button type="button" className="btn-link" onClick={() => open(c, s === 'count' ? null : s)} aria-label={`${labels.category(c)} ${s === 'count' ? '' : labels.series(s)}: ${figure.values[si]![ci]}`}>
                          {figure.values[si]![ci]}
                        </button>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
