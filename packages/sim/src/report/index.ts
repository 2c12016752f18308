/** Charts for simulator reports: line charts as standalone SVG, and PNG conversion. */
export type { AxisSpec, LineChartSpec, LineSeries, ReferenceLine } from './chart-spec.js';
export type { Point } from './point.js';
export { lineChart } from './svg-chart.js';
export { svgToPng } from './png.js';
export type { PngOptions } from './png.js';
export * from './experiment-charts.js';
