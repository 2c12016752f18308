import type { ReactNode } from 'react';

/** What a view shows when it has nothing to show: a title and why. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <strong>{title}</strong>
      {children}
    </div>
  );
}
