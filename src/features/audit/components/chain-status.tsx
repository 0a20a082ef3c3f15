"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Spinner } from "~/components/ui/query-states";
import { When } from "~/components/ui/when";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import { useProcedureQuery } from "~/trpc/use-procedure-query";
import { anchorText, durationText, progressPercent, REASONS, seqText, type VerificationRunView } from "../verification-text";

/** Copies a text and says so (for screen readers too), or says it could not. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        className="px-2.5 py-1 text-xs"
        onClick={() => {
          navigator.clipboard
            .writeText(text)
            .then(() => setCopied("copied"))
            .catch(() => setCopied("failed"));
        }}
      >
        {label}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {copied === "copied" ? "Copied" : copied === "failed" ? "Could not copy: select the hash and copy it" : ""}
      </span>
    </span>
  );
}

function Broken({ run, title }: { run: VerificationRunView; title: string }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true">✗</span>
        {title}: chain broken at event {seqText(run.brokenAt ?? "?")}
      </p>
      <p className="mt-1">
        Reason: {REASONS[run.reason ?? ""] ?? run.reason ?? "unknown"}. {run.detail}.
      </p>
      <p className="mt-1 text-xs">Compare with a backup, and run `npm run audit:verify -- --checkpoint` against the copied checkpoints.</p>
    </div>
  );
}

function Who({ run }: { run: VerificationRunView }) {
  return (
    <>
      by {run.startedByName} <span className="text-slate-500">({run.process})</span>
    </>
  );
}

/** The check of the events written since the latest anchor, run when the page opens. */
function NewEvents({ run, checking, error, onRetry }: { run: VerificationRunView | null; checking: boolean; error: string | null; onRetry: () => void }) {
  if (error) {
    return (
      <div className="space-y-2">
        <Alert tone="error">The new events could not be checked: {error}</Alert>
        <Button variant="secondary" onClick={onRetry}>
          Check again
        </Button>
      </div>
    );
  }
  if (!run) {
    return (
      <p role="status" className="flex items-center gap-3 text-sm text-slate-600">
        <Spinner />
        Checking the events written since the latest checkpoint…
      </p>
    );
  }
  if (run.status === "BROKEN") return <Broken run={run} title="New events" />;
  const checked = run.total;
  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true">✓</span>
        Chain intact through event {seqText(run.targetSeq)}
      </p>
      <p className="mt-1">
        {checked === 0 ? "No events since " : `${checked.toLocaleString("en-GB")} ${checked === 1 ? "event" : "events"} checked since `}
        {anchorText(run)}, <When date={run.finishedAt ?? run.heartbeatAt} /> <Who run={run} />
        {checking ? (
          <span className="ml-2 inline-flex items-center gap-1 text-emerald-800">
            <Spinner /> checking again…
          </span>
        ) : null}
      </p>
      {run.headHash ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span>Head hash</span>
          <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-inset ring-emerald-200" data-testid="chain-head">
            {run.headHash}
          </code>
          <CopyButton text={run.headHash} label="Copy head hash" />
        </div>
      ) : null}
    </div>
  );
}

function FullResult({ run, headSeq }: { run: VerificationRunView | null; headSeq: string }) {
  if (!run) return <p className="text-sm text-slate-700">No full verification yet. It recomputes every event&apos;s hash from the first one on.</p>;
  if (run.status === "RUNNING") {
    const percent = progressPercent(run);
    const text = `${run.done.toLocaleString("en-GB")} of ${run.total.toLocaleString("en-GB")} events (${percent}%)`;
    return (
      <div className="space-y-2 text-sm text-slate-800">
        <p className="flex items-center gap-2 font-semibold">
          <Spinner /> Verifying the full chain… {text}
        </p>
        <div
          role="progressbar"
          aria-label="Full verification progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={text}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-xs text-slate-600">
          Started <When date={run.startedAt} /> <Who run={run} />. You can leave this page: the result is kept.
        </p>
      </div>
    );
  }
  if (run.status === "BROKEN") return <Broken run={run} title="Full verification" />;
  if (run.status === "FAILED" || run.status === "INTERRUPTED") {
    return (
      <Alert tone="error">
        The full verification started <When date={run.startedAt} /> did not finish ({run.status === "INTERRUPTED" ? "its process stopped" : (run.detail ?? "it failed")}); it
        says nothing about the chain. Run it again.
      </Alert>
    );
  }
  const behind = BigInt(headSeq) - BigInt(run.targetSeq);
  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true">✓</span>
        Full chain intact: {run.total.toLocaleString("en-GB")} {run.total === 1 ? "event" : "events"} through event {seqText(run.targetSeq)}
      </p>
      <p className="mt-1">
        Finished <When date={run.finishedAt ?? run.heartbeatAt} /> <Who run={run} />, in {durationText(run)}.
        {behind > 0n ? ` ${behind.toLocaleString("en-GB")} ${behind === 1n ? "event was" : "events were"} written since.` : ""}
      </p>
    </div>
  );
}

/**
 * The audit chain's verification without recomputing it on every view: opening the page checks
 * only the events written since the latest signed checkpoint (or the last verified head); the
 * latest full verification is shown as recorded, and "Verify full chain" runs one on the
 * server with its progress polled. Results are stored, so they survive reloads and show from
 * every app process.
 */
export function ChainStatus() {
  const status = useProcedureQuery(api.audit.verification);
  const { refetch: refresh, isFetching } = status;
  const fullStatus = status.data?.latestFull?.status;
  useEffect(() => {
    // A run whose process went quiet may only be slow (a long pause on a busy host): keep
    // watching it, less often, so the page recovers when it reports again.
    const every = fullStatus === "RUNNING" ? 700 : fullStatus === "INTERRUPTED" ? 5_000 : null;
    if (every === null || isFetching) return;
    const timer = window.setTimeout(refresh, every);
    return () => window.clearTimeout(timer);
  }, [fullStatus, status.data, isFetching, refresh]);
  const verifyNew = useProcedure(api.audit.verifyNew);
  const verifyFull = useProcedure(api.audit.verifyFull);
  const { mutateAsync: runNew } = verifyNew;
  const checkNew = useCallback(() => void runNew().catch(() => undefined).finally(refresh), [runNew, refresh]);
  const startFull = () => void verifyFull.mutateAsync().catch(() => undefined).finally(refresh);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    checkNew();
  }, [checkNew]);

  const data = status.data;
  const running = data?.latestFull?.status === "RUNNING";
  const latestNew = verifyNew.data ?? data?.latestIncremental ?? null;
  return (
    <section aria-labelledby="chain-heading" className="mb-8 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="chain-status">
      <h2 id="chain-heading" className="text-lg font-semibold text-slate-900">
        Chain verification
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Every event stores the hash of the one before it. Recomputing the chain shows whether any event was edited, removed or reordered since it was written.
        Opening this page checks the events written since the latest signed checkpoint; a full verification recomputes them all.
      </p>
      <div className="mt-4 space-y-4">
        <div aria-live="polite" aria-busy={verifyNew.isPending} data-testid="chain-new">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Latest events</h3>
          <NewEvents
            run={verifyNew.isPending && !verifyNew.data ? null : latestNew}
            checking={verifyNew.isPending && latestNew !== null}
            error={verifyNew.isError ? readApiError(verifyNew.error).message : null}
            onRetry={checkNew}
          />
        </div>
        <div className="border-t border-slate-100 pt-4" data-testid="chain-full">
          <div className="mb-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <h3 className="text-sm font-semibold text-slate-900">Full verification</h3>
            <Button variant="secondary" disabled={running || verifyFull.isPending || !data} onClick={startFull}>
              {running || verifyFull.isPending ? "Verifying full chain…" : "Verify full chain"}
            </Button>
          </div>
          <div aria-live="polite">
            {status.data === undefined && !status.isError ? (
              <p role="status" className="flex items-center gap-3 text-sm text-slate-600">
                <Spinner />
                Loading the latest verification…
              </p>
            ) : status.isError ? (
              <Alert tone="error">The latest verification could not be loaded: {readApiError(status.error).message}</Alert>
            ) : (
              <FullResult run={data?.latestFull ?? null} headSeq={data?.headSeq ?? "0"} />
            )}
            {verifyFull.isError ? <Alert tone="error">The full verification could not start: {readApiError(verifyFull.error).message}</Alert> : null}
            {verifyFull.data?.alreadyRunning ? <p className="mt-2 text-xs text-slate-600">A full verification was already running; this is its progress.</p> : null}
          </div>
        </div>
      </div>
    </section>
  );
}
