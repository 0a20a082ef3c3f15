/**
 * An export's progress in words ("12,400 of 100,000 rows", "1.2 MB"): what the export buttons
 * show while the rest of the export code (./export-run) loads only when an export starts.
 */
const COUNT = new Intl.NumberFormat("en-GB");

export function formatCount(n: number): string {
  return COUNT.format(n);
}

const BYTES = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** "812 bytes", "64 KB", "1.2 MB" (decimal units, as download managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${COUNT.format(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1_000_000) return `${BYTES.format(bytes / 1000)} KB`;
  return `${BYTES.format(bytes / 1_000_000)} MB`;
}

/** "12,400 of 100,000 rows", or "12,400 rows" when the total is unknown. */
export function progressText(received: number, total: number | null): string {
  if (total === null) return `${formatCount(received)} ${received === 1 ? "row" : "rows"}`;
  return `${formatCount(received)} of ${formatCount(total)} ${total === 1 ? "row" : "rows"}`;
}
