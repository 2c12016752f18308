import { useMemo, useState } from 'react';
import { useStore } from '../../data/store-context.js';
import { nodeMarket } from '../../model/nodes.js';
import { cheapestByModel, offeringRow } from '../../model/offerings.js';
import { Empty } from '../../ui/Empty.js';
import { EventList } from '../../ui/EventList.js';
import { formatMoney } from '../../ui/format.js';
import { OfferingsTable } from './OfferingsTable.js';
import { SpotNodes } from './SpotNodes.js';

/** Events that belong on the spot timeline: launches, reclaim notices, reclaims, moves. */
const SPOT_EVENT =
  /reclaim|interrupt|migrat|moving|checkpointing|moved|launch|node-ready|scaled-down/;

/**
 * Spot capacity: the spot nodes Roam runs (price and reclaim risk over time), the
 * reclaims and migrations on one timeline, and what the clouds offer. Until the spot
 * market and mover publish data, it says so instead of drawing anything.
 */
export function SpotView() {
  const store = useStore();
  // Collections hand out a new array after each change: memos key on it.
  const nodes = store.nodes.all();
  const events = store.events.all();
  const spotNodes = useMemo(() => nodes.filter((n) => nodeMarket(n) === 'spot'), [nodes]);
  const moves = useMemo(() => events.filter((e) => SPOT_EVENT.test(e.type)), [events]);
  const rows = useMemo(() => store.offerings.map(offeringRow), [store.offerings]);
  const models = useMemo(() => cheapestByModel(rows), [rows]);
  const [model, setModel] = useState('');
  const hasMarket = spotNodes.length > 0 || moves.length > 0;
  return (
    <div className="view">
      <header className="view-head">
        <div>
          <h1>Spot market</h1>
          <p className="lede">
            Spot prices and availability, the reclaim risk Roam estimates, and the migrations it
            made.
          </p>
        </div>
      </header>
      {hasMarket ? (
        <>
          <SpotNodes nodes={spotNodes} history={store.spot.series()} />
          <section className="card" aria-labelledby="moves">
            <h2 id="moves">
              Launches, reclaims and moves <span className="muted">newest first</span>
            </h2>
            {moves.length === 0 ? (
              <Empty title="No launches, reclaims or moves yet" />
            ) : (
              <EventList events={moves} />
            )}
          </section>
        </>
      ) : (
        <section className="card" data-testid="no-spot-data">
          <Empty title="No spot market data yet">
            <p style={{ maxWidth: 640, margin: '6px auto 0' }}>
              No spot node runs and no reclaim or migration has happened yet. When an elastic pool
              runs spot capacity, each spot node's price and the reclaim risk Roam estimates appear
              here over time, with the launches, reclaims and moves on one timeline. The clouds'
              offerings are below.
            </p>
          </Empty>
        </section>
      )}
      <section className="card" aria-labelledby="by-model">
        <h2 id="by-model">
          Cheapest GPU-hour by model <span className="muted">across clouds, from the catalog</span>
        </h2>
        {models.length === 0 ? (
          <Empty title="No offerings">The catalog is empty: see roam catalog import.</Empty>
        ) : (
          <div className="model-prices" role="list">
            {models.map((m) => {
              const max = Math.max(...models.map((x) => x.onDemandPerGpuHour ?? 0), 0.01);
              return (
                <button
                  type="button"
                  role="listitem"
                  key={m.gpuModel}
                  className="model-price"
                  aria-pressed={model === m.gpuModel}
                  onClick={() => setModel(model === m.gpuModel ? '' : m.gpuModel)}
                  aria-label={`${m.gpuModel}: on-demand ${m.onDemandPerGpuHour !== undefined ? formatMoney(m.onDemandPerGpuHour) : 'unknown'}, spot ${m.spotPerGpuHour !== undefined ? formatMoney(m.spotPerGpuHour) : 'unknown'} per GPU-hour; ${model === m.gpuModel ? 'showing only its offerings' : 'show its offerings'}`}
                >
                  <span className="model-name">{m.gpuModel}</span>
                  <span className="price-bars" aria-hidden="true">
                    <span
                      className="pb od"
                      style={{ width: `${(100 * (m.onDemandPerGpuHour ?? 0)) / max}%` }}
                    />
                    <span
                      className="pb spot"
                      style={{ width: `${(100 * (m.spotPerGpuHour ?? 0)) / max}%` }}
                    />
                  </span>
                  <span className="num">
                    {m.onDemandPerGpuHour !== undefined ? formatMoney(m.onDemandPerGpuHour) : '—'}
                    <br />
                    <span style={{ color: 'var(--spot)' }}>
                      {m.spotPerGpuHour !== undefined ? formatMoney(m.spotPerGpuHour) : '—'}
                    </span>
                  </span>
                </button>
              );
            })}
          </div>
        )}
        <div className="legend" style={{ marginTop: 10 }}>
          <span>
            <i className="key od-key" /> on-demand per GPU-hour
          </span>
          <span>
            <i className="key spot-key" /> spot per GPU-hour
          </span>
          <span>Click a model to list only its offerings.</span>
        </div>
      </section>
      <section className="card flush" aria-labelledby="offerings">
        <h2 id="offerings">
          Offerings <span className="muted">{model === '' ? 'all GPU models' : model}</span>
        </h2>
        <OfferingsTable rows={model === '' ? rows : rows.filter((r) => r.gpuModel === model)} />
      </section>
    </div>
  );
}
