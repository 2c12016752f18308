import { API } from '../../api/client.js';
import type { NodeDoc } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { useSession, useStore } from '../../data/store-context.js';
import {
  nodeGpuFill,
  nodeMarket,
  nodePrice,
  nodeRisk,
  nodeSchedulable,
} from '../../model/nodes.js';
import { canCordon } from '../../model/permissions.js';
import { MarketLabel } from '../../ui/Badge.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { formatMoney, formatPercent } from '../../ui/format.js';
import { Meter } from '../../ui/Meter.js';

/** The selected node: where it is, what it costs, each GPU's fill, what runs there; cordon for admins. */
export function NodePanel({ node }: { node: NodeDoc }) {
  const { client, principal } = useSession();
  const store = useStore();
  const s = node.status;
  const a = s?.allocation;
  const fill = nodeGpuFill(node);
  const price = nodePrice(node);
  const risk = nodeRisk(node);
  const name = node.metadata.name;
  const cordon = async (on: boolean): Promise<void> => {
    await client.request(
      'POST',
      `${API}/nodes/${encodeURIComponent(name)}/${on ? 'cordon' : 'uncordon'}`,
    );
    store.refreshSoon();
  };
  return (
    <section className="card node-panel" aria-labelledby="node-title" aria-live="polite">
      <h2 id="node-title">
        {name}
        {s?.cordoned ? (
          <span className="badge" data-tone="danger">
            cordoned
          </span>
        ) : !nodeSchedulable(node) ? (
          <span className="badge" data-tone="warn">
            not schedulable
          </span>
        ) : null}
      </h2>
      <dl className="kv">
        <dt>Pool</dt>
        <dd>{s?.pool}</dd>
        <dt>GPUs</dt>
        <dd>
          {s?.gpus ?? 0} × {s?.gpuModel ?? '—'}
        </dd>
        <dt>Market</dt>
        <dd>
          <MarketLabel market={nodeMarket(node)} />
        </dd>
        <dt>Zone</dt>
        <dd>{s?.zone ?? '—'}</dd>
        <dt>Price</dt>
        <dd>{price !== undefined ? `${formatMoney(price)}/h` : 'none (on-prem)'}</dd>
        <dt>Reclaim risk</dt>
        <dd>{risk !== undefined ? `${formatPercent(risk)} within the hour` : '—'}</dd>
        <dt>Lifecycle</dt>
        <dd>{s?.lifecycle ?? 'Ready'}</dd>
        {a && (
          <>
            <dt>CPU</dt>
            <dd>
              {(a.cpu.allocatedMilli / 1000).toFixed(1)} / {(a.cpu.capacityMilli / 1000).toFixed(0)}{' '}
              cores
            </dd>
            <dt>Memory</dt>
            <dd>
              {(a.memory.allocatedMiB / 1024).toFixed(0)} /{' '}
              {(a.memory.capacityMiB / 1024).toFixed(0)} GiB
            </dd>
          </>
        )}
      </dl>
      <h3 style={{ margin: '16px 0 8px' }}>GPU fill</h3>
      <ul className="gpu-fill-list">
        {fill.map((f, i) => (
          <li key={i}>
            <span className="mono">gpu{i}</span>
            <Meter used={f} total={1} label={`GPU ${i} allocated`} />
            <span className="num muted">{formatPercent(f)}</span>
          </li>
        ))}
      </ul>
      <h3 style={{ margin: '16px 0 8px' }}>Workloads</h3>
      {a && a.workloads.length > 0 ? (
        <ul className="plain-list">
          {a.workloads.map((w) => (
            <li key={w}>
              <a href={routeHref({ view: 'workload', name: w })}>{w}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
      {canCordon(principal) && (
        <div style={{ marginTop: 16 }}>
          {s?.cordoned ? (
            <ConfirmButton
              label="Uncordon"
              title={`Uncordon ${name}?`}
              confirmLabel="Uncordon"
              onConfirm={() => cordon(false)}
            >
              Roam will place work on it again.
            </ConfirmButton>
          ) : (
            <ConfirmButton
              label="Cordon"
              title={`Cordon ${name}?`}
              confirmLabel="Cordon"
              danger
              onConfirm={() => cordon(true)}
            >
              Roam places no new work on it; what runs there keeps running.
            </ConfirmButton>
          )}
        </div>
      )}
    </section>
  );
}
