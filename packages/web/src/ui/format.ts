const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const smallMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 3,
});

/** GPUs with up to two decimals: `12`, `0.25`, `3.5`. */
export function formatGpus(gpus: number): string {
  return String(Math.round(gpus * 100) / 100);
}

/** Dollars: `$1,234.56`; amounts below a dollar keep a third decimal (`$0.062`). */
export function formatMoney(dollars: number): string {
  return Math.abs(dollars) < 1 && dollars !== 0
    ? smallMoney.format(dollars)
    : money.format(dollars);
}

/** A share 0…1 as a whole percentage: `42%`. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A duration like kubectl's ages: `45s`, `12m`, `5h`, `3d`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  if (s < 172_800) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86_400)}d`;
}

/** A duration in two units: `2h 05m`, `3m 20s`, `12s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (s >= 86_400) return `${Math.floor(s / 86_400)}d ${pad(Math.floor((s % 86_400) / 3600))}h`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${s}s`;
}

/** A world time as `YYYY-MM-DD HH:MM:SS` in UTC (world time need not match the wall clock). */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
