import * as echarts from 'echarts';

/**
 * Renders an ECharts option to an SVG string in Node (no DOM), for PDFs. The chart is disposed
 * at once: a live instance keeps a timer that would hold the process open.
 */
export function renderChartSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
