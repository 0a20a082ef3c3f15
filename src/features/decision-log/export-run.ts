/**
 * One streamed export in the browser, loaded by the export buttons when an export starts (not
 * with the page): the request, counting records as the body arrives against the server's
 * X-Row-Count, and saving the finished file.
 */
import type { ExportFormat } from "~/lib/export/writers";
import { countLineBreaks, exportErrorMessage, exportSearch, filenameFromDisposition, parseRowCount, recordsReceived } from "./download";

export interface ExportProgress {
  /** Records counted so far (CSV, JSON Lines; a workbook's rows arrive zipped and are not counted). */
  received: number;
  /** Bytes received so far. */
  bytes: number;
  /** What the server announced, or null. */
  total: number | null;
}

export type ExportOutcome = { kind: "done"; received: number; filename: string } | { kind: "refused"; message: string };

/** Offers a finished file to the browser: a Blob behind a temporary object URL and an `<a download>`. */
function saveFile(parts: BlobPart[], type: string, filename: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Runs an export of `endpoint` for `params` in `format`, reporting progress as chunks arrive,
 * and saves the file. Resolves "refused" with the endpoint's message when it answers an error;
 * rejects when the request is aborted (`signal`) or interrupted, with the progress so far on
 * the error's `progress`.
 */
export async function runExport(options: {
  endpoint: string;
  params: Record<string, string | undefined>;
  format: ExportFormat;
  fallbackName: string;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
}): Promise<ExportOutcome> {
  const { endpoint, params, format, fallbackName, signal, onProgress } = options;
  const progress: ExportProgress = { received: 0, bytes: 0, total: null };
  try {
    const response = await fetch(`${endpoint}?${exportSearch(params, format)}`, { signal, cache: "no-store" });
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      return { kind: "refused", message: exportErrorMessage(response.status, body) };
    }
    progress.total = parseRowCount(response.headers.get("X-Row-Count"));
    onProgress({ ...progress });
    const parts: BlobPart[] = [];
    let lineBreaks = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        progress.bytes += value.length;
        if (format !== "xlsx") {
          lineBreaks += countLineBreaks(value);
          progress.received = recordsReceived(format, lineBreaks, progress.total);
        }
        onProgress({ ...progress });
      }
    }
    // A workbook's rows cannot be counted as they arrive (zipped); complete, it holds the announced count.
    const received = format === "xlsx" ? (progress.total ?? 0) : progress.received;
    const filename = filenameFromDisposition(response.headers.get("Content-Disposition"), `${fallbackName}.${format}`);
    saveFile(parts, response.headers.get("Content-Type") ?? "application/octet-stream", filename);
    return { kind: "done", received, filename };
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { progress: { ...progress } });
  }
}
