import type { ReactNode } from 'react';

/** A headline number with its label and a hint below. */
export function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="card stat" aria-label={label} data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {hint !== undefined && <div className="hint">{hint}</div>}
    </section>
  );
}
