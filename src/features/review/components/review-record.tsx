import Link from "next/link";
import { recommendationLabel, STRATEGY_LABELS } from "~/engine/strategies";
import { When } from "~/components/ui/when";
import type { ReviewState } from "./types";

const STATUS_SENTENCES: Record<string, string> = {
  SUBMITTED: "Waiting for a reviewer. Another person than its authors approves, rejects or requests changes.",
  APPROVED: "Approved: this is the decision on record.",
  REJECTED: "Rejected.",
  CHANGES_REQUESTED: "Sent back: the team edits the answers and submits a new version (“Edit answers and resubmit”).",
  WITHDRAWN: "Withdrawn by its submitter; the team can edit and resubmit.",
  SUPERSEDED: "Superseded: a newer version was approved. This one stays readable.",
};

/** The version's place in the workflow: status, who decided what, overrides, and its neighbours. */
export function ReviewRecord({ state, useCaseId }: { state: ReviewState; useCaseId: string }) {
  const decided = state.reviewedBy && state.reviewedAt;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700" data-testid="review-status-sentence">
        {STATUS_SENTENCES[state.status] ?? state.status}
      </p>
      {decided ? (
        <dl className="space-y-2 rounded-lg bg-slate-50 p-3">
          <div className="flex justify-between gap-3">
            <dt className="text-slate-500">Reviewed by</dt>
            <dd className="text-right font-medium text-slate-900">{state.reviewedBy!.name}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-slate-500">Reviewed</dt>
            <dd className="text-right font-medium text-slate-900">
              <When date={state.reviewedAt!} />
            </dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-slate-500">Engine recommended</dt>
            <dd className="text-right font-medium text-slate-900">{recommendationLabel(state.recommended)}</dd>
          </div>
          {state.approvedStrategy ? (
            <div className="flex justify-between gap-3">
              <dt className="text-slate-500">Approved strategy</dt>
              <dd className="text-right font-medium text-slate-900" data-testid="approved-strategy">
                {STRATEGY_LABELS[state.approvedStrategy]}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {state.isOverride ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="override-record">
          <p className="font-semibold">
            <span aria-hidden="true">⚑ </span>Override of the engine
          </p>
          <p className="mt-1">
            The engine recommended {recommendationLabel(state.recommended)}; the reviewer approved{" "}
            {state.approvedStrategy ? STRATEGY_LABELS[state.approvedStrategy] : "another strategy"}.
          </p>
          {state.overrideJustification ? (
            <blockquote className="mt-2 border-l-2 border-amber-400 pl-3 whitespace-pre-wrap">{state.overrideJustification}</blockquote>
          ) : null}
        </div>
      ) : state.reviewComment ? (
        <figure data-testid="review-comment">
          <figcaption className="text-xs text-slate-500">{state.reviewedBy ? `${state.reviewedBy.name}'s comment` : "The reviewer's comment"}</figcaption>
          <blockquote className="mt-1 border-l-2 border-slate-300 pl-3 whitespace-pre-wrap text-slate-800">{state.reviewComment}</blockquote>
        </figure>
      ) : null}
      {state.supersedesNumber || state.supersededByNumber ? (
        <ul className="space-y-1">
          {state.supersededByNumber ? (
            <li>
              Superseded by{" "}
              <Link href={`/use-cases/${useCaseId}/versions/${state.supersededByNumber}`} className="font-semibold text-brand-700 hover:underline">
                version {state.supersededByNumber}
              </Link>
            </li>
          ) : null}
          {state.supersedesNumber ? (
            <li>
              Supersedes{" "}
              <Link href={`/use-cases/${useCaseId}/versions/${state.supersedesNumber}`} className="font-semibold text-brand-700 hover:underline">
                version {state.supersedesNumber}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
