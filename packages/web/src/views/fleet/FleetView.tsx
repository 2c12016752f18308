import { useMemo, useState } from 'react';
import type { NodeDoc } from '../../api/types.js';
import { navigate } from '../../app/use-route.js';
import { useStore } from '../../data/store-context.js';
import { summarizeFleet } from '../../model/fleet-summary.js';
import { nodePool } from '../../model/nodes.js';
import { Empty } from '../../ui/Empty.js';
import { formatGpus, formatPercent } from '../../ui/format.js';
import { FleetMap } from './FleetMap.js';
import { NodePanel } from './NodePanel.js';
import { ColoniesTable } from './ColoniesTable.js';
import { PoolsTable } from './PoolsTable.js';

/** Every node with per-GPU fill, market, zone, price and risk, by pool; the pools and colonies below. */
export function FleetView({ node }: { node?: string }) {
  const store = useStore();
  // Collections hand out a new array after each change: memos key on it.
  const nodes = store.nodes.all();
  const [pool, setPool] = useState('');
  const [search, setSearch] = useState('');
  const fleet = useMemo(() => summarizeFleet(nodes), [nodes]);
  const groups = useMemo(() => {
    const byPool = new Map<string, NodeDoc[]>();
    for (const n of nodes) {
      const p = nodePool(n);
      if (pool !== '' && p !== pool) continue;
      const list = byPool.get(p) ?? [];
      list.push(n);
      byPool.set(p, list);
    }
    return [...byPool]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, list]) => {
        const t = fleet.byPool.get(name);
        return {
          title: name || '(no pool)',
          detail: t
            ? `${t.nodes} nodes · ${formatGpus(t.total)} GPUs · ${t.total > 0 ? formatPercent(t.allocated / t.total) : '0%'} allocated`
            : '',
          nodes: list,
        };
      });
  }, [nodes, pool, fleet]);
  const selected = node !== undefined ? store.nodes.get(node) : undefined;
  const select = (name: string | undefined): void =>
    navigate(name !== undefined ? { view: 'fleet', node: name } : { view: 'fleet' }, true);

  return (
    <div className="view">
      <header className="view-head">
        <div>
          <h1>Fleet</h1>
          <p className="lede">
            Every node and every GPU: each cell is one GPU, filled by the share allocated; the
            stripe is the market.
          </p>
        </div>
      </header>
      <section className="card">
        <div className="filters" style={{ marginBottom: 12 }}>
          <label className="field">
            Pool
            <select className="select" value={pool} onChange={(e) => setPool(e.target.value)}>
              <option value="">All pools</option>
              {[...fleet.byPool.keys()].map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <form
            className="field grow"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              const q = search.trim().toLowerCase();
              const hit = nodes.find((n) => n.metadata.name.toLowerCase().includes(q));
              if (hit) select(hit.metadata.name);
            }}
          >
            <label className="field">
              Find a node
              <input
                className="input"
                type="search"
                value={search}
                placeholder="Name, then Enter"
                onChange={(e) => setSearch(e.target.value)}
              />
            </label>
          </form>
          <div className="legend" style={{ marginLeft: 'auto' }}>
            <span>
              <span className="swatch" data-market="on-prem" /> on-prem
            </span>
            <span>
              <span className="swatch" data-market="on-demand" /> on-demand
            </span>
            <span>
              <span className="swatch" data-market="spot" /> spot
            </span>
            <span>
              <i className="key gpu-key" /> GPU allocated
            </span>
            <span>
              <i className="key hatch-key" /> cordoned or not ready
            </span>
          </div>
        </div>
        {nodes.length === 0 ? (
          <Empty title="No nodes yet">
            Static pools' machines and provisioned cloud nodes appear here.
          </Empty>
        ) : (
          <div className="fleet-layout">
            <FleetMap
              groups={groups}
              selected={selected?.metadata.name}
              onSelect={select}
              height="calc(100vh - 300px)"
            />
            {selected ? (
              <NodePanel node={selected} />
            ) : (
              <section className="card node-panel muted" aria-live="polite">
                Select a node (click it, or focus the map and use the arrow keys) to see its GPUs,
                workloads and price.
              </section>
            )}
          </div>
        )}
      </section>
      <section className="card flush" aria-labelledby="pools">
        <h2 id="pools">Node pools</h2>
        <PoolsTable pools={store.pools.all()} tally={fleet.byPool} />
      </section>
      {store.colonies.all().length > 0 && (
        <section className="card flush" aria-labelledby="colonies">
          <h2 id="colonies">Colonies</h2>
          <ColoniesTable colonies={store.colonies.all()} />
        </section>
      )}
    </div>
  );
}
