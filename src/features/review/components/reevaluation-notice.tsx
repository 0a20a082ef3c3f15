"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { recommendationLabel, STRATEGY_LABELS, type StrategyId } from "~/engine/strategies";
import { readApiError } from "~/trpc/api-errors";
import { newIdempotencyKey } from "~/lib/idempotency";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import type { Reevaluation } from "./types";

const SHOWN = 6;

/**
 * The engine changed since this decision: what today's engine would recommend and which figures
 * moved; a reviewer may open version N+1 scored by the current engine (one key per intent, so a
 * double click opens one version).
 */
export function ReevaluationNotice({
  reevaluation,
  recommended,
  engineVersion,
  useCaseId,
  number,
  canReopen,
  reopenBlockedReason,
}: {
  reevaluation: Reevaluation;
  recommended: StrategyId | null;
  engineVersion: string;
  useCaseId: string;
  number: number;
  canReopen: boolean;
  reopenBlockedReason: string | null;
}) {
  const router = useRouter();
  const reopen = useProcedure(api.review.reopenWithCurrentEngine);
  const key = useRef<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const differences = reevaluation.differences;

  async function onReopen() {
    setError(null);
    key.current ??= newIdempotencyKey();
    try {
      const { versionNumber } = await reopen.mutateAsync({ useCaseId, number, idempotencyKey: key.current });
      router.push(`/use-cases/${useCaseId}/versions/${versionNumber}`);
      router.refresh();
    } catch (e) {
      key.current = null;
      setError(readApiError(e).message);
    }
  }

  return (
    <div className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900" data-testid="reevaluation">
      <p className="font-semibold">
        Today&apos;s engine ({reevaluation.engineVersion}) would recommend {reevaluation.recommended === null ? "no strategy (none is feasible)" : STRATEGY_LABELS[reevaluation.recommended]}
        {reevaluation.changed ? ` instead of ${recommendationLabel(recommended)}` : ", as before"}.
      </p>
      <p className="mt-1 text-brand-900/80">This decision was scored by engine {engineVersion}.</p>
      {differences.length > 0 ? (
        <details className="mt-2" open={differences.length <= SHOWN}>
          <summary className="cursor-pointer font-medium">
            {differences.length} difference{differences.length === 1 ? "" : "s"} in the assessment
          </summary>
          <ul className="mt-1 space-y-0.5">
            {differences.map((d) => (
              <li key={d.path}>
                {d.label}: {d.beforeText} <span role="img" aria-label="becomes">→</span> {d.afterText}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="mt-1">The recommendation, scores and estimates are the same.</p>
      )}
      {error ? (
        <div className="mt-2">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {canReopen ? (
        <Button variant="secondary" className="mt-3" disabled={reopen.isPending || reopen.isSuccess} onClick={() => void onReopen()}>
          {reopen.isPending || reopen.isSuccess ? "Opening…" : "Open a new version with the current engine"}
        </Button>
      ) : reopenBlockedReason ? (
        <p className="mt-2 text-brand-900/80">{reopenBlockedReason}</p>
      ) : null}
    </div>
  );
}
