import type { Phase } from '../api/types.js';
import type { Market } from '../model/nodes.js';

const PHASE_TONE: Record<Phase, string> = {
  Pending: 'warn',
  Running: 'ok',
  Preempting: 'danger',
  Succeeded: 'info',
  Failed: 'danger',
  Cancelled: '',
};

/** A workload's phase as a coloured badge. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  return (
    <span className="badge" data-tone={PHASE_TONE[phase]}>
      {phase}
    </span>
  );
}

/** A market with its swatch. */
export function MarketLabel({ market }: { market: Market | 'none' }) {
  if (market === 'none') return <span className="muted">—</span>;
  return (
    <span>
      <span className="swatch" data-market={market} aria-hidden="true" /> {market}
    </span>
  );
}
