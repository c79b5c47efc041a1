// A table's horizontal scroll box: a named region that takes keyboard focus, so a table wider than the screen
// can be scrolled without a mouse (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
