import { formatGpus } from './format.js';

/** A bar of how much of a total is used, labelled for screen readers. */
export function Meter({ used, total, label }: { used: number; total: number; label: string }) {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  return (
    <div
      className="meter"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={used}
      aria-valuetext={`${formatGpus(used)} of ${formatGpus(total)}`}
    >
      <span style={{ width: `${share * 100}%` }} />
    </div>
  );
}
