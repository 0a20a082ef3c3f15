"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { STRATEGY_LABELS, type StrategyId } from "~/engine/strategies";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import type { LimitCheck } from "../present";
import { allowedReviewActions, commentRequirement, NOTHING_TO_APPROVE } from "../workflow";
import { ConflictNotice } from "./conflict-notice";
import { useReviewActions } from "./review-actions";
import type { ReviewState } from "./types";

type Action = "APPROVE" | "REQUEST_CHANGES" | "REJECT";

const DONE: Record<Action, string> = {
  APPROVE: "Approved. The team has been notified.",
  REQUEST_CHANGES: "Changes requested. The team has been notified and can submit a new version.",
  REJECT: "Rejected. The team has been notified.",
};

const OUTCOME_MARK: Record<LimitCheck["outcome"], string> = { miss: "✕", meets: "✓", unknown: "?", "no-limit": "–" };
const OUTCOME_WORD: Record<LimitCheck["outcome"], string> = { miss: "Misses", meets: "Meets", unknown: "Cannot check", "no-limit": "No limit" };

const control =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

/**
 * A reviewer's decision: approve (optionally another strategy than recommended, which is an
 * override and needs a justification), request changes or reject (both need a comment).
 * Sends the state's row version; a lost race comes back as CONFLICT with a reload.
 */
export function DecideForm({ state, useCaseId, number }: { state: ReviewState; useCaseId: string; number: number }) {
  const { done: onDone, reload: onReload } = useReviewActions();
  const decide = useProcedure(api.review.decide);
  const uid = useId();
  const ids = { strategy: `${uid}-strategy`, comment: `${uid}-comment`, commentHint: `${uid}-comment-hint`, override: `${uid}-override` };
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const strategyRef = useRef<HTMLSelectElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);

  // No feasible strategy (engine 2.0.0): nothing to approve; the server refuses an approval too.
  const canApprove = allowedReviewActions(state.recommended).includes("APPROVE");
  const [strategy, setStrategy] = useState<StrategyId>(state.recommended ?? state.ranking[0]?.strategy ?? "batch");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<{ comment?: string; approvedStrategy?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [pendingAction, setPendingAction] = useState<Action | null>(null);

  // Worked out by the server (review.state): what approving each strategy means.
  const options = state.approvalChoices;
  const chosen = options.find((o) => o.strategy === strategy);
  const approval = chosen?.approval ?? { isOverride: true, blocked: "Pick a strategy to approve.", softConstraints: [] };
  const blocked = options.filter((o) => o.blockedReason);
  const fit = chosen?.fit ?? null;

  async function submit(action: Action) {
    setFormError(null);
    setConflict(null);
    if (action === "APPROVE" && !canApprove) return;
    const isOverride = action === "APPROVE" && approval.isOverride;
    const text = comment.trim();
    if (commentRequirement(action, isOverride) === "required" && !text) {
      setErrors({
        comment: isOverride
          ? "Explain why you approve a different strategy than recommended."
          : `Add a comment so the team knows ${action === "REJECT" ? "why it was rejected" : "what to change"}.`,
      });
      commentRef.current?.focus();
      return;
    }
    setErrors({});
    setPendingAction(action);
    try {
      await decide.mutateAsync({
        useCaseId,
        number,
        expectedVersion: state.version,
        action,
        ...(text ? { comment: text } : {}),
        ...(action === "APPROVE" ? { approvedStrategy: strategy } : {}),
      });
      setComment("");
      onDone(DONE[action]);
    } catch (error) {
      const api = readApiError(error);
      if (api.code === "CONFLICT") {
        setConflict(api.message);
      } else {
        const fieldErrors = { comment: api.fieldErrors.comment?.[0], approvedStrategy: api.fieldErrors.approvedStrategy?.[0] };
        setErrors(fieldErrors);
        setFormError(api.message);
        if (fieldErrors.comment) commentRef.current?.focus();
        else if (fieldErrors.approvedStrategy) strategyRef.current?.focus();
        else formErrorRef.current?.focus();
      }
    } finally {
      setPendingAction(null);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(canApprove ? "APPROVE" : "REQUEST_CHANGES");
  };

  const overriding = canApprove && approval.isOverride;
  const commentLabel = overriding ? "Justification for the override" : "Comment";
  const commentHint = !canApprove
    ? "Required: what the team should change, or why the use case is rejected. The team sees it."
    : overriding
      ? "Required: why this strategy rather than the engine's recommendation. It is kept with the decision."
      : "Optional to approve; required to request changes or reject. The team sees it.";
  const busy = pendingAction !== null;

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Review this version" className="space-y-4">
      {conflict ? (
        <ConflictNotice
          message={conflict}
          onReload={async () => {
            await onReload();
            setConflict(null);
          }}
        />
      ) : null}
      <div ref={formErrorRef} tabIndex={-1} className="outline-none">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
      </div>

      {!canApprove ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="nothing-to-approve">
          <p className="font-semibold">Nothing to approve</p>
          <p className="mt-1">{NOTHING_TO_APPROVE}</p>
        </div>
      ) : (
      <div>
        <label htmlFor={ids.strategy} className="block text-sm font-medium text-slate-800">
          Strategy to approve
        </label>
        <p className="text-xs text-slate-500">Approve a different strategy to override the engine. Hard rules cannot be overridden.</p>
        <select
          id={ids.strategy}
          ref={strategyRef}
          value={strategy}
          onChange={(e) => {
            const picked = options.find((o) => o.strategy === e.target.value);
            if (picked) setStrategy(picked.strategy);
            setErrors(({ approvedStrategy: _cleared, ...rest }) => rest);
          }}
          aria-invalid={errors.approvedStrategy ? true : undefined}
          aria-describedby={[approval.isOverride ? ids.override : null, errors.approvedStrategy ? `${ids.strategy}-error` : null].filter(Boolean).join(" ") || undefined}
          className={control}
        >
          {options.map((o) => (
            <option key={o.strategy} value={o.strategy} disabled={o.blockedReason !== null}>
              {o.label}
              {o.recommended ? " (recommended)" : o.blockedReason ? " — ruled out by a hard rule" : ""}
            </option>
          ))}
        </select>
        {errors.approvedStrategy ? (
          <p id={`${ids.strategy}-error`} className="mt-1 text-sm font-medium text-red-700">
            {errors.approvedStrategy}
          </p>
        ) : null}
        {blocked.length > 0 ? (
          <details className="mt-2 text-xs text-slate-600">
            <summary className="cursor-pointer font-medium text-slate-700">Why {blocked.length === 1 ? "one strategy is" : `${blocked.length} strategies are`} ruled out</summary>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {blocked.map((o) => (
                <li key={o.strategy}>
                  <span className="font-medium">{o.label}:</span> {o.blockedReason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      )}

      {overriding && state.recommended !== null ? (
        <div id={ids.override} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="override-notice">
          <p className="font-semibold">
            <span aria-hidden="true">⚑ </span>This is an override
          </p>
          <p className="mt-1">
            You approve {STRATEGY_LABELS[strategy]} instead of the recommended {STRATEGY_LABELS[state.recommended]}. A justification is required.
          </p>
          {approval.softConstraints.length > 0 ? (
            <>
              <p className="mt-2 font-medium">It crosses {approval.softConstraints.length === 1 ? "a soft rule" : `${approval.softConstraints.length} soft rules`}:</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {approval.softConstraints.map((c) => (
                  <li key={c.id}>{c.message}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-1">It crosses no soft rule.</p>
          )}
          {fit ? (
            <div className="mt-3 border-t border-amber-200 pt-2" data-testid="override-limits">
              <p className={`font-medium ${fit.misses > 0 ? "text-red-800" : ""}`}>Against the team&apos;s limits: {fit.summary}</p>
              <ul className="mt-1 space-y-1">
                {fit.checks.map((c) => (
                  <li key={c.limit} className="flex gap-2" data-outcome={c.outcome}>
                    <span aria-hidden="true" className={c.outcome === "miss" ? "font-bold text-red-700" : c.outcome === "meets" ? "text-emerald-700" : "text-slate-500"}>
                      {OUTCOME_MARK[c.outcome]}
                    </span>
                    <span>
                      <span className="sr-only">{OUTCOME_WORD[c.outcome]}: </span>
                      {c.text}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      <div>
        <label htmlFor={ids.comment} className="block text-sm font-medium text-slate-800">
          {commentLabel}
        </label>
        <p id={ids.commentHint} className="text-xs text-slate-500">
          {commentHint}
        </p>
        <textarea
          id={ids.comment}
          ref={commentRef}
          rows={4}
          maxLength={4000}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setErrors(({ comment: _cleared, ...rest }) => rest);
          }}
          aria-required={overriding || !canApprove ? true : undefined}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={[ids.commentHint, errors.comment ? `${ids.comment}-error` : null].filter(Boolean).join(" ")}
          className={control}
        />
        {errors.comment ? (
          <p id={`${ids.comment}-error`} className="mt-1 text-sm font-medium text-red-700">
            {errors.comment}
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        {canApprove ? (
          <Button type="submit" disabled={busy}>
            {pendingAction === "APPROVE" ? "Approving…" : overriding ? `Approve ${STRATEGY_LABELS[strategy]} (override)` : "Approve"}
          </Button>
        ) : null}
        <Button type={canApprove ? "button" : "submit"} variant="secondary" disabled={busy} onClick={canApprove ? () => void submit("REQUEST_CHANGES") : undefined}>
          {pendingAction === "REQUEST_CHANGES" ? "Requesting…" : "Request changes"}
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => void submit("REJECT")}>
          {pendingAction === "REJECT" ? "Rejecting…" : "Reject"}
        </Button>
      </div>
    </form>
  );
}
