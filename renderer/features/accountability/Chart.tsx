import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/**
 * One ECharts chart on a canvas, from the option built in shared/ (the same one the PDF uses).
 * Tooltips are drawn on the canvas (`richText`), not as HTML, so the page's CSP needs no
 * inline styles; ECharts itself needs no eval. Clicking a bar or slice reports its key.
 */
export function Chart({ option, label, height = 260, onPick }: { option: Record<string, unknown>; label: string; height?: number; onPick?(category: string, series: string | null): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const el = ref.current!;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    chart.on('click', (p) => {
      const d = p.data as { key?: string; series?: string } | undefined;
      if (d?.key !== undefined) pick.current?.(d.key, d.series && d.series !== 'count' ? d.series : null);
    });
    (el as unknown as { __chart: unknown }).__chart = chart;
    return () => { resize.disconnect(); chart.dispose(); };
  }, []);
  useEffect(() => {
    const chart = (ref.current as unknown as { __chart: echarts.ECharts }).__chart;
    const tooltip = { ...(option.tooltip as object), renderMode: 'richText' };
    chart.setOption({ ...option, tooltip, animation: true, textStyle: { ...(option.textStyle as object), fontFamily: 'system-ui, sans-serif' } }, true);
  }, [option]);
  return <div ref={ref} className="acc-chart" style={{ height }} role="img" aria-label={label} />;
}
