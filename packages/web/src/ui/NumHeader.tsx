import type { ReactNode } from 'react';

/** A column header over numbers: right-aligned, like the cells below it. */
export function NumHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}
