"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClasses } from "~/components/ui/button";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import { ConflictNotice } from "./conflict-notice";
import { useReviewActions } from "./review-actions";

/** The submitter takes a version back from review, after confirming. */
export function WithdrawControl({ useCaseId, number, version }: { useCaseId: string; number: number; version: number }) {
  const { done: onDone, reload: onReload } = useReviewActions();
  const withdraw = useProcedure(api.review.withdraw);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function confirm() {
    setError(null);
    try {
      await withdraw.mutateAsync({ useCaseId, number, expectedVersion: version });
      onDone("Withdrawn. Your team can edit the answers and submit again.");
    } catch (e) {
      const api = readApiError(e);
      setConfirming(false);
      if (api.code === "CONFLICT") setConflict(api.message);
      else setError(api.message);
    }
  }

  return (
    <div className="space-y-3">
      {conflict ? (
        <ConflictNotice
          message={conflict}
          onReload={async () => {
            await onReload();
            setConflict(null);
          }}
        />
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {confirming ? (
        <div className="rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm">
          <p ref={confirmRef} tabIndex={-1} className="font-medium text-slate-900 outline-none">
            Withdraw version {number} from review?
          </p>
          <p className="mt-1 text-slate-600">Reviewers will no longer see it in their queue. Your team can edit the answers and submit a new version.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="danger" disabled={withdraw.isPending} onClick={() => void confirm()}>
              {withdraw.isPending ? "Withdrawing…" : "Yes, withdraw it"}
            </Button>
            <Button variant="secondary" disabled={withdraw.isPending} onClick={() => setConfirming(false)}>
              Keep it in review
            </Button>
          </div>
        </div>
      ) : (
        <button ref={startRef} type="button" className={buttonClasses("secondary")} onClick={() => setConfirming(true)}>
          Withdraw this version
        </button>
      )}
    </div>
  );
}
