/**
 * Pure helpers of the streamed exports in the browser: counting records as the body arrives,
 * the progress sentence, the file name and the error message. Shared by the decision log's and
 * the audit log's export buttons.
 */
import type { ExportFormat } from "~/lib/export/writers";
import { queryString } from "~/lib/url-filters";

export { formatBytes, formatCount, progressText } from "./progress-text";

const NEWLINE = 10;

/** Line feeds in one chunk of the body (each CSV record and each JSON line ends with one). */
export function countLineBreaks(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/**
 * Records received so far from the line feeds seen: CSV's first line is its header. A CSV cell
 * may itself hold a line break, so the count is capped at the total the server announced.
 */
export function recordsReceived(format: "csv" | "jsonl", lineBreaks: number, total: number | null): number {
  const records = Math.max(0, format === "csv" ? lineBreaks - 1 : lineBreaks);
  return total === null ? records : Math.min(records, total);
}

/** The X-Row-Count header as a number, or null when absent or not a count. */
export function parseRowCount(header: string | null): number | null {
  if (!header || !/^\d{1,12}$/.test(header.trim())) return null;
  return Number(header.trim());
}

/** The file name from `Content-Disposition: attachment; filename="x.csv"`, or the fallback. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  const match = header ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header) : null;
  const name = match?.[1] ? decodeURIComponent(match[1]).replace(/[/\\]/g, "_").trim() : "";
  return name || fallback;
}

/** A sentence for a failed export response (`{ message, fieldErrors }` from the endpoint), by status. */
export function exportErrorMessage(status: number, body: unknown): string {
  const data = typeof body === "object" && body !== null ? (body as { message?: unknown; fieldErrors?: unknown }) : {};
  const message = typeof data.message === "string" && data.message.trim() ? data.message.trim() : null;
  const details: string[] = [];
  if (typeof data.fieldErrors === "object" && data.fieldErrors !== null) {
    for (const [field, messages] of Object.entries(data.fieldErrors as Record<string, unknown>)) {
      if (Array.isArray(messages) && typeof messages[0] === "string") details.push(`${field}: ${messages[0]}`);
    }
  }
  const base =
    message ??
    (status === 401
      ? "Your session has ended. Sign in again, then export."
      : status === 403 || status === 404
        ? "You may not export this."
        : `The export failed (HTTP ${status}). Try again.`);
  return details.length ? `${base} ${details.join("; ")}` : base;
}

/** The export endpoint's query string for a filter: exactly what the table shows. */
export function exportSearch(filter: Record<string, string | undefined>, format: ExportFormat): string {
  return queryString({ format, ...filter }).slice(1);
}
