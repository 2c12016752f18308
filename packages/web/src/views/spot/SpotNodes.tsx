import { useMemo } from 'react';
import type { NodeDoc } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { alignSeries } from '../../model/sim-series.js';
import { nodePrice, nodeRisk } from '../../model/nodes.js';
import type { SpotSample } from '../../model/spot-history.js';
import { formatMoney, formatPercent, formatTime } from '../../ui/format.js';
import { LazyChart } from '../../ui/LazyChart.js';
import { NumHeader } from '../../ui/NumHeader.js';

/** One reading per node over time, where `value` has one. */
function seriesOf(
  history: ReadonlyMap<string, readonly SpotSample[]>,
  value: (s: SpotSample) => number | undefined,
) {
  return alignSeries(
    [...history].map(([name, samples]) => ({
      name,
      points: samples.flatMap((s) => {
        const v = value(s);
        return v === undefined ? [] : [[s.at, v] as const];
      }),
    })),
  );
}

/**
 * The spot nodes Roam runs: price and reclaim risk now, and both as seen since the page
 * opened.
 */
export function SpotNodes({
  nodes,
  history,
}: {
  nodes: readonly NodeDoc[];
  history: ReadonlyMap<string, readonly SpotSample[]>;
}) {
  const prices = useMemo(() => seriesOf(history, (s) => s.price), [history]);
  const risks = useMemo(
    () => seriesOf(history, (s) => (s.risk === undefined ? undefined : 100 * s.risk)),
    [history],
  );
  return (
    <section className="card" aria-labelledby="spot-nodes">
      <h2 id="spot-nodes">
        Spot nodes <span className="muted">{nodes.length} running</span>
      </h2>
      {prices.x.length > 1 && (
        <LazyChart
          title="Spot price per node over time (since this page opened)"
          data={prices}
          xLabel="World time (UTC)"
          yLabel="$ per hour"
          step
          xFormat={(x) => formatTime(x).slice(11)}
          height={220}
        />
      )}
      {risks.x.length > 1 && (
        <LazyChart
          title="Reclaim risk Roam estimates per node, within the next hour"
          data={risks}
          xLabel="World time (UTC)"
          yLabel="% within 1 h"
          step
          xFormat={(x) => formatTime(x).slice(11)}
          height={180}
        />
      )}
      <table className="table" aria-label="Spot nodes">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Pool</th>
            <th scope="col">Zone</th>
            <NumHeader>Price/h</NumHeader>
            <NumHeader>Reclaim risk (1 h)</NumHeader>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => {
            const price = nodePrice(n);
            const risk = nodeRisk(n);
            return (
              <tr key={n.metadata.name}>
                <td>
                  <a href={routeHref({ view: 'fleet', node: n.metadata.name })}>
                    {n.metadata.name}
                  </a>
                </td>
                <td>{n.status?.pool}</td>
                <td>{n.status?.zone ?? '—'}</td>
                <td className="num">{price !== undefined ? formatMoney(price) : '—'}</td>
                <td className="num">{risk !== undefined ? formatPercent(risk) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
