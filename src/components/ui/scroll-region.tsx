import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its content (a wide table) is wider than the screen. It is a
 * labelled region in the tab order, so keyboard users can scroll it with the arrow keys (axe
 * `scrollable-region-focusable`); the page itself never scrolls sideways.
 */
export function ScrollRegion({
  label,
  labelledBy,
  className = "",
  busy,
  same,
  children,
}: {
  /** The region's name, e.g. the table's caption; or `labelledBy` the caption's id. */
  label?: string;
  labelledBy?: string;
  className?: string;
  busy?: boolean;
  /** Marks the region as unchanged (`data-same`), for "show only changes". */
  same?: boolean;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} aria-labelledby={labelledBy} aria-busy={busy} data-same={same || undefined} tabIndex={0} className={`relative max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
