import { lazy, Suspense } from 'react';
import type { ChartProps } from './Chart.js';

const Chart = lazy(() => import('./Chart.js'));

/** A {@link Chart} whose charting library loads on first use, outside the first page's bundle. */
export function LazyChart(props: ChartProps) {
  return (
    <Suspense
      fallback={<div className="chart" style={{ height: props.height ?? 280 }} aria-busy="true" />}
    >
      <Chart {...props} />
    </Suspense>
  );
}
