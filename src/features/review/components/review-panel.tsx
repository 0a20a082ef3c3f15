"use client";

import Link from "next/link";
import { useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { readApiError } from "~/trpc/api-errors";
import { StatusBadge } from "~/components/ui/status-badge";
import { hasRole } from "~/lib/roles";
import { api } from "~/trpc/call";
import { useProcedureQuery } from "~/trpc/use-procedure";
import { CommentThread } from "./comment-thread";
import { DecideForm } from "./decide-form";
import { ReevaluationNotice } from "./reevaluation-notice";
import { ReviewRecord } from "./review-record";
import { useReviewRefresh } from "./use-review-refresh";
import { WithdrawControl } from "./withdraw-control";

/**
 * The review of one decision version: its status and record, what today's engine says, the
 * reviewer's decision form (or why the viewer may not decide), withdrawal, and the comment thread.
 */
export function ReviewPanel({ useCaseId, number }: { useCaseId: string; number: number }) {
  const headingId = useId();
  const stateQuery = useProcedureQuery(api.review.state, { useCaseId, number });
  const me = useProcedureQuery(api.account.whoAmI, undefined);
  const isReviewer = me.data ? hasRole(me.data.role, "REVIEWER") : false;
  const wantsUseCase = isReviewer && stateQuery.data?.reevaluation != null;
  const useCase = useProcedureQuery(api.useCase.get, { id: useCaseId }, { enabled: wantsUseCase });
  const refresh = useReviewRefresh(useCaseId, number);
  const [announcement, setAnnouncement] = useState("");
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  const done = async (message: string) => {
    setFlash(message);
    await refresh();
    requestAnimationFrame(() => flashRef.current?.focus());
  };
  const announce = (message: string) => {
    setAnnouncement(message);
    void refresh();
  };

  const frame = (body: ReactNode, badge?: ReactNode) => (
    <section
      id="review"
      tabIndex={-1}
      aria-labelledby={headingId}
      className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm focus:outline-none print:hidden"
      data-testid="review-panel"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          Review
        </h2>
        {badge}
      </div>
      <div className="mt-4 space-y-5">{body}</div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );

  if (stateQuery.isPending) {
    return frame(
      <div role="status" aria-label="Loading the review" className="animate-pulse space-y-3">
        <div className="h-4 w-3/4 rounded bg-slate-200" />
        <div className="h-20 rounded bg-slate-100" />
        <div className="h-9 w-40 rounded bg-slate-200" />
      </div>,
    );
  }
  if (stateQuery.isError) {
    const api = readApiError(stateQuery.error);
    return frame(
      <div className="space-y-3">
        <Alert tone="error">{api.code === "NOT_FOUND" ? "This version's review could not be found, or you may not see it." : `The review could not be loaded. ${api.message}`}</Alert>
        {api.code !== "NOT_FOUND" ? (
          <Button variant="secondary" onClick={() => void stateQuery.refetch()}>
            Try again
          </Button>
        ) : null}
      </div>,
    );
  }

  const state = stateQuery.data;
  if (!state) return null;
  const fourEyes = (state.isAuthor || state.isContributor) && isReviewer && state.status === "SUBMITTED";
  const underReview = useCase.data?.status === "SUBMITTED";
  const reload = () => stateQuery.refetch();

  return frame(
    <>
      <div ref={flashRef} tabIndex={-1} className="outline-none">
        {flash ? <Alert tone="success">{flash}</Alert> : null}
      </div>
      <ReviewRecord state={state} useCaseId={useCaseId} />
      {state.reevaluation ? (
        <ReevaluationNotice
          reevaluation={state.reevaluation}
          recommended={state.recommended}
          engineVersion={state.engineVersion}
          useCaseId={useCaseId}
          number={number}
          canReopen={isReviewer && useCase.isSuccess && !underReview}
          reopenBlockedReason={isReviewer && underReview ? "Another version of this use case is under review; decide on it before opening a new one." : null}
        />
      ) : null}
      {number > 1 ? (
        <p className="text-sm">
          <Link href={`/use-cases/${useCaseId}/compare?from=${number - 1}&to=${number}`} className="font-semibold text-brand-700 hover:underline">
            Compare with version {number - 1} <span aria-hidden="true">→</span>
          </Link>
        </p>
      ) : null}
      {state.canReview ? (
        <section aria-labelledby={`${headingId}-decide`} className="border-t border-slate-100 pt-4">
          <h3 id={`${headingId}-decide`} className="mb-3 text-base font-semibold text-slate-900">
            Your decision
          </h3>
          <DecideForm key={state.version} state={state} useCaseId={useCaseId} number={number} onDone={(m) => void done(m)} onReload={reload} />
        </section>
      ) : fourEyes ? (
        <div className="rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800" data-testid="four-eyes">
          <p className="font-semibold">
            <span aria-hidden="true">✋ </span>
            {state.isContributor ? "You edited this version's answers — another reviewer must decide" : "You authored this — another reviewer must decide"}
          </p>
          <p className="mt-1">
            {state.isContributor
              ? "Four eyes: everyone who changed a version's answers counts as its author, so you cannot approve, reject or request changes on it, even as an admin. "
              : "Four eyes: nobody approves, rejects or requests changes on a version they submitted or authored, even as an admin. "}
            Another reviewer will pick it up from the review queue.
          </p>
        </div>
      ) : null}
      {state.canWithdraw ? (
        <WithdrawControl useCaseId={useCaseId} number={number} version={state.version} onDone={(m) => void done(m)} onReload={reload} />
      ) : null}
      <section aria-labelledby={`${headingId}-comments`} className="border-t border-slate-100 pt-4">
        <h3 id={`${headingId}-comments`} className="mb-3 text-base font-semibold text-slate-900">
          Comments <span className="text-sm font-normal text-slate-500">({state.comments.length})</span>
        </h3>
        <CommentThread comments={state.comments} useCaseId={useCaseId} number={number} onAdded={announce} />
      </section>
    </>,
    <StatusBadge status={state.status} />,
  );
}
