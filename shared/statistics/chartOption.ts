import { FIGURES, type FigureData } from './figures.ts';

/** Turns a stored key into the label shown (catalogue lookup for vocabularies, the key itself for regions and years). */
export type Label = (key: string) => string;

export const CHART_PALETTE = ['#1f5f8b', '#c8553d', '#2a9d8f', '#e9c46a', '#6d597a', '#8ab17d', '#b56576', '#4d908e', '#f4a261', '#577590', '#90be6d', '#9c6644'];

/**
 * The ECharts option for a figure: one function for the screen (canvas in the renderer) and
 * the PDF (server-side SVG in Node), so both show the same thing. No functions in the
 * option (formatters as templates only), so it stays plain data and needs no eval.
 */
export function figureOption(data: FigureData, t: { category: Label; series: Label }, opts: { animation?: boolean; fontFamily?: string } = {}): Record<string, unknown> {
  const meta = FIGURES[data.id];
  const textStyle = { fontFamily: opts.fontFamily ?? 'inherit', color: '#1d2733' };
  const base = { animation: opts.animation ?? false, color: CHART_PALETTE, textStyle, aria: { enabled: true } };
  const cats = data.categories.map((k) => (k === '' ? '—' : t.category(k)));
  if (meta.chart === 'pie') {
    return {
      ...base,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll', textStyle },
      series: [{
        type: 'pie', radius: ['38%', '68%'], center: ['50%', '45%'], label: { formatter: '{c}', fontFamily: textStyle.fontFamily, textBorderWidth: 0 },
        data: data.categories.map((k, i) => ({ name: cats[i], value: data.values[0]![i], key: k })),
      }],
    };
  }
  const horizontal = meta.chart === 'hbar' || meta.chart === 'hstacked';
  const isStacked = meta.chart === 'stacked' || meta.chart === 'hstacked';
  const catAxis = { type: 'category', data: cats, axisLabel: { interval: 0, width: horizontal ? 150 : 90, overflow: 'truncate' }, inverse: horizontal };
  const valAxis = { type: 'value', minInterval: 1 };
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: horizontal ? 160 : 48, right: 40, top: data.series.length > 1 ? 36 : 16, bottom: 32, containLabel: false },
    legend: data.series.length > 1 ? { top: 0, textStyle } : undefined,
    xAxis: horizontal ? valAxis : catAxis,
    yAxis: horizontal ? catAxis : valAxis,
    series: data.series.map((s, si) => ({
      type: 'bar', name: data.series.length > 1 ? t.series(s) : undefined, stack: isStacked ? 'total' : undefined,
      barMaxWidth: 36, label: { show: !isStacked, position: horizontal ? 'right' : 'top', textBorderWidth: 0, color: '#1d2733' },
      data: data.values[si]!.map((v, ci) => ({ value: v, key: data.categories[ci], series: s })),
    })),
  };
}

/** Translation keys for a figure's labels, from its meta (used by both the screen and the PDF). */
export function figureLabels(id: FigureData['id'], tr: (key: string) => string, serverLabels?: Record<string, string>): { category: Label; series: Label } {
  const m = FIGURES[id];
  return {
    category: (k) => (m.categoryLabels === '@server' ? (serverLabels?.[k] ?? k) : m.categoryLabels ? tr(`${m.categoryLabels}.${k}`) : k),
    series: (k) => (m.seriesLabels ? tr(`${m.seriesLabels}.${k}`) : k),
  };
}

/** Height that gives every category of a horizontal chart a readable row (the screen and the PDF use it). */
export function figureHeight(data: FigureData, base = 260): number {
  const meta = FIGURES[data.id];
  if (meta.chart !== 'hbar' && meta.chart !== 'hstacked') return base;
  return Math.min(900, Math.max(base, 22 * data.categories.length + 60));
}
