"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import type { ExportFormat } from "~/lib/export/writers";
import type { ExportProgress } from "../export-run";
import { formatBytes, formatCount, progressText } from "../progress-text";

type Format = ExportFormat;

const FORMAT_LABELS: Record<Format, string> = { csv: "CSV", jsonl: "JSON Lines", xlsx: "Excel" };

type ExportState =
  | { phase: "idle" }
  /** `received`: records counted as they arrive (CSV, JSON Lines); `bytes`: what a workbook has sent so far (its rows are zipped). */
  | { phase: "running"; format: Format; received: number; bytes: number; total: number | null }
  | { phase: "done"; format: Format; received: number; filename: string }
  | { phase: "cancelled"; received: number; bytes: number; format: Format }
  | { phase: "error"; message: string };

/** "12,400 of 100,000 rows"; for a workbook "1.2 MB of 100,000 rows" (its rows are zipped, so its bytes are counted). */
function runningText(state: { format: Format; received: number; bytes: number; total: number | null }): string {
  if (state.format !== "xlsx") return progressText(state.received, state.total);
  return state.total === null ? formatBytes(state.bytes) : `${formatBytes(state.bytes)} of ${progressText(state.total, null)}`;
}

/**
 * Export buttons for a streamed endpoint (`/api/export/…?format=csv|jsonl|xlsx&<filters>`): the body
 * is read chunk by chunk, the records counted as they arrive against the server's X-Row-Count
 * ("12,400 of 100,000 rows"; a workbook's bytes, as its rows arrive zipped), then saved as a file. Cancel aborts the request (the server stops
 * its database cursor). Errors from the endpoint (`{ message, fieldErrors }`) are shown as they are.
 */
export function ExportButtons({
  endpoint,
  params,
  what,
  fallbackName,
  disabledReason,
  formats = ["csv", "jsonl"],
}: {
  endpoint: string;
  /** The formats offered, in order (the endpoint must accept each). */
  formats?: readonly Format[];
  /** The current filters, exactly as the table uses them. */
  params: Record<string, string | undefined>;
  /** What is exported, for the group's name: "decisions", "audit events". */
  what: string;
  fallbackName: string;
  /** When set, the buttons are disabled and this says why (e.g. a filter to correct). */
  disabledReason?: string;
}) {
  const [state, setState] = useState<ExportState>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);

  // Leaving the page cancels a running export.
  useEffect(() => () => controller.current?.abort(), []);

  async function run(format: Format) {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: "running", format, received: 0, bytes: 0, total: null });
    try {
      // The export code loads when an export starts, not with the page.
      const { runExport } = await import("../export-run");
      const outcome = await runExport({
        endpoint,
        params,
        format,
        fallbackName,
        signal: abort.signal,
        onProgress: (p) => setState({ phase: "running", format, ...p }),
      });
      setState(outcome.kind === "done" ? { phase: "done", format, received: outcome.received, filename: outcome.filename } : { phase: "error", message: outcome.message });
    } catch (error) {
      const progress = (error as { progress?: ExportProgress }).progress ?? { received: 0, bytes: 0, total: null };
      if (abort.signal.aborted) setState({ phase: "cancelled", received: progress.received, bytes: progress.bytes, format });
      else setState({ phase: "error", message: "The export was interrupted before it finished. Check your connection and try again." });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  const running = state.phase === "running";
  const groupId = `export-${what.replace(/\W+/g, "-")}`;
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div role="group" aria-labelledby={`${groupId}-label`} className="flex flex-wrap items-center gap-2">
        <span id={`${groupId}-label`} className="text-sm font-medium text-slate-700">
          Export {what}
        </span>
        {formats.map((format) => (
          <Button
            key={format}
            variant="secondary"
            className="disabled:opacity-50"
            disabled={running || Boolean(disabledReason)}
            aria-describedby={disabledReason ? `${groupId}-disabled` : undefined}
            onClick={() => void run(format)}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 text-slate-500">
              <path d="M10 2.75a.75.75 0 0 1 .75.75v7.19l2.22-2.22a.75.75 0 1 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06 0l-3.5-3.5a.75.75 0 1 1 1.06-1.06l2.22 2.22V3.5a.75.75 0 0 1 .75-.75ZM4 14.25a.75.75 0 0 1 .75.75v1h10.5v-1a.75.75 0 0 1 1.5 0v1.75a.75.75 0 0 1-.75.75h-12a.75.75 0 0 1-.75-.75V15a.75.75 0 0 1 .75-.75Z" />
            </svg>
            {FORMAT_LABELS[format]}
          </Button>
        ))}
        {running ? (
          <Button variant="ghost" onClick={() => controller.current?.abort()}>
            Cancel export
          </Button>
        ) : null}
      </div>
      {disabledReason ? (
        <p id={`${groupId}-disabled`} className="text-xs text-slate-500">
          {disabledReason}
        </p>
      ) : null}
      <div aria-live="polite" className="w-full sm:w-80">
        {state.phase === "running" ? (
          <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm" data-testid="export-progress">
            <p className="flex justify-between gap-3 text-slate-700">
              <span>Exporting {FORMAT_LABELS[state.format]}…</span>
              <span className="tabular-nums">{runningText(state)}</span>
            </p>
            {/* A workbook's progress is its bytes so far: the bar moves without a known end. */}
            <progress
              className="mt-2 h-2 w-full accent-brand-600"
              aria-label={`Export progress: ${runningText(state)}`}
              max={state.format === "xlsx" ? undefined : (state.total ?? undefined)}
              value={state.format === "xlsx" || state.total === null ? undefined : state.received}
            />
          </div>
        ) : null}
        {state.phase === "done" ? (
          <Alert tone="success">
            Saved <strong className="break-all">{state.filename}</strong> with {formatCount(state.received)} {state.received === 1 ? "row" : "rows"}.
          </Alert>
        ) : null}
        {state.phase === "cancelled" ? (
          <Alert>Export cancelled after {state.format === "xlsx" ? formatBytes(state.bytes) : progressText(state.received, null)}. Nothing was saved.</Alert>
        ) : null}
      </div>
      {state.phase === "error" ? (
        <div className="w-full sm:w-80">
          <Alert tone="error">{state.message}</Alert>
        </div>
      ) : null}
    </div>
  );
}
