import Link from "next/link";
import { StatusBadge } from "~/components/ui/status-badge";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";
import { DecideForm } from "./decide-form";
import { ReevaluationNotice } from "./reevaluation-notice";
import { ReviewPanelFrame } from "./review-actions";
import { ReviewRecord } from "./review-record";
import type { ReviewState } from "./types";
import { WithdrawControl } from "./withdraw-control";

/**
 * The review of one decision version, rendered on the server from `review.state`: its status
 * and record, what today's engine says, the reviewer's decision form (or why the viewer may not
 * decide), withdrawal, and the comment thread. The controls are small client components; after
 * an action the server renders the panel again (./review-actions).
 */
export function ReviewPanel({ useCaseId, number, state }: { useCaseId: string; number: number; state: ReviewState }) {
  const isReviewer = state.viewerIsReviewer;
  const fourEyes = (state.isAuthor || state.isContributor) && isReviewer && state.status === "SUBMITTED";
  const underReview = state.useCaseStatus === "SUBMITTED";
  const headingId = `review-${number}`;

  return (
    <ReviewPanelFrame badge={<StatusBadge status={state.status} />}>
      <ReviewRecord state={state} useCaseId={useCaseId} />
      {state.reevaluation ? (
        <ReevaluationNotice
          reevaluation={state.reevaluation}
          recommended={state.recommended}
          engineVersion={state.engineVersion}
          useCaseId={useCaseId}
          number={number}
          canReopen={isReviewer && !underReview}
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
          <DecideForm key={state.version} state={state} useCaseId={useCaseId} number={number} />
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
      {state.canWithdraw ? <WithdrawControl useCaseId={useCaseId} number={number} version={state.version} /> : null}
      <section aria-labelledby={`${headingId}-comments`} className="border-t border-slate-100 pt-4">
        <h3 id={`${headingId}-comments`} className="mb-3 text-base font-semibold text-slate-900">
          Comments <span className="text-sm font-normal text-slate-500">({state.comments.length})</span>
        </h3>
        <div className="space-y-4">
          <CommentList comments={state.comments} />
          <CommentForm useCaseId={useCaseId} number={number} />
        </div>
      </section>
    </ReviewPanelFrame>
  );
}
