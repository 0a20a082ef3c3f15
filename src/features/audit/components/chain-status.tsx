"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Spinner } from "~/components/ui/query-states";
import { useTRPC } from "~/trpc/react";

const REASONS: Record<string, string> = {
  edited: "an event's content no longer matches its hash (it was edited)",
  missing: "an event is missing from the sequence",
  reordered: "an event does not link to the one before it (reordered or inserted)",
};

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

/**
 * The audit chain's verification, recomputed from the first event on the server
 * (the same check as `npm run audit:verify`): intact with its head hash to write down,
 * or the first broken sequence number and why.
 */
export function ChainStatus() {
  const trpc = useTRPC();
  const query = useQuery(trpc.audit.verify.queryOptions(undefined, { staleTime: 0, refetchOnWindowFocus: false }));
  const report = query.data;
  return (
    <section aria-labelledby="chain-heading" className="mb-8 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="chain-heading" className="text-lg font-semibold text-slate-900">
            Chain verification
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Every event stores the hash of the one before it. Recomputing the chain shows whether any event was edited, removed or reordered since it was written.
          </p>
        </div>
        <Button variant="secondary" disabled={query.isFetching} onClick={() => void query.refetch()}>
          {query.isFetching ? "Verifying…" : "Verify again"}
        </Button>
      </div>
      <div className="mt-4" aria-live="polite" aria-busy={query.isFetching}>
        {query.isPending ? (
          <p role="status" className="flex items-center gap-3 text-sm text-slate-600">
            <Spinner />
            Recomputing the hash chain…
          </p>
        ) : query.isError ? (
          <Alert tone="error">The chain could not be verified: {query.error.message}</Alert>
        ) : report?.ok ? (
          <div className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="chain-status">
            <p className="flex items-center gap-2 font-semibold">
              <span aria-hidden="true">✓</span>
              Chain intact: {report.events.toLocaleString("en-GB")} {report.events === 1 ? "event" : "events"}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <span>Head hash</span>
              <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-inset ring-emerald-200" data-testid="chain-head">
                {report.head}
              </code>
              <CopyButton text={report.head} label="Copy head hash" />
            </div>
            <p className="mt-2 text-xs text-emerald-800">Write the head hash down: if a later check shows a different history before it, the log was changed.</p>
          </div>
        ) : report ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="chain-status">
            <p className="flex items-center gap-2 font-semibold">
              <span aria-hidden="true">✗</span>
              Chain broken at event {report.brokenAt}
            </p>
            <p className="mt-1">
              Reason: {REASONS[report.reason] ?? report.reason}. {report.detail}.
            </p>
            <p className="mt-1 text-xs">
              {report.events.toLocaleString("en-GB")} {report.events === 1 ? "event verifies" : "events verify"} before it. Compare with a backup and with `npm run audit:verify`.
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
