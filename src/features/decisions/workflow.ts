/**
 * The review lifecycle of a decision version, as one pure state machine (no I/O, no clock).
 *
 *   SUBMITTED --approve / reject / request changes (reviewer or admin, not an author)--> APPROVED | REJECTED | CHANGES_REQUESTED
 *   SUBMITTED --withdraw (its submitter)--> WITHDRAWN
 *   APPROVED  --supersede (the system, when a newer version is approved)--> SUPERSEDED
 *
 * Everything else is refused. A team answers CHANGES_REQUESTED by editing and submitting
 * version N+1 (see features/use-cases). The server (decisions/service, review/service) and
 * the UI (allowedActions) both ask `transition`; the reviewer's own rules (comments,
 * overrides) are in features/review/workflow.ts.
 */
import { hasRole, type Role } from "~/lib/roles";

export const DECISION_STATUSES = ["SUBMITTED", "APPROVED", "REJECTED", "CHANGES_REQUESTED", "WITHDRAWN", "SUPERSEDED"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const REVIEW_ACTIONS = ["APPROVE", "REJECT", "REQUEST_CHANGES", "WITHDRAW", "SUPERSEDE"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export type Refusal = "INVALID_STATE" | "ROLE" | "FOUR_EYES" | "CONTRIBUTOR" | "NOT_SUBMITTER" | "SYSTEM_ONLY";

export interface TransitionRequest {
  from: DecisionStatus;
  action: ReviewAction;
  /** null for the system itself (supersession). */
  actor: { id: string; role: Role } | null;
  submitterId: string;
  /** Everyone who authored the version: its submitter and the use case's creator. */
  authorIds: readonly string[];
  /** Everyone who changed the version's answers (its draft's editors): authors too, for four eyes. */
  contributorIds?: readonly string[];
}

export type TransitionResult = { ok: true; to: DecisionStatus } | { ok: false; refusal: Refusal };

const TARGET: Record<ReviewAction, { from: DecisionStatus; to: DecisionStatus }> = {
  APPROVE: { from: "SUBMITTED", to: "APPROVED" },
  REJECT: { from: "SUBMITTED", to: "REJECTED" },
  REQUEST_CHANGES: { from: "SUBMITTED", to: "CHANGES_REQUESTED" },
  WITHDRAW: { from: "SUBMITTED", to: "WITHDRAWN" },
  SUPERSEDE: { from: "APPROVED", to: "SUPERSEDED" },
};

export const REVIEW_DECISIONS: readonly ReviewAction[] = ["APPROVE", "REJECT", "REQUEST_CHANGES"];

/** The system's own transition: approving a version supersedes every previously approved one. */
export const SUPERSEDE: { readonly from: DecisionStatus; readonly to: DecisionStatus } = TARGET.SUPERSEDE;

export function transition(request: TransitionRequest): TransitionResult {
  const target = TARGET[request.action];
  const { actor } = request;
  if (request.action === "SUPERSEDE") {
    if (actor !== null) return { ok: false, refusal: "SYSTEM_ONLY" };
  } else if (actor === null) {
    return { ok: false, refusal: "ROLE" };
  } else if (request.action === "WITHDRAW") {
    if (actor.id !== request.submitterId) return { ok: false, refusal: "NOT_SUBMITTER" };
  } else {
    if (!hasRole(actor.role, "REVIEWER")) return { ok: false, refusal: "ROLE" };
    // Four eyes: nobody reviews what they submitted or authored, even as admin.
    if (request.authorIds.includes(actor.id)) return { ok: false, refusal: "FOUR_EYES" };
    if (request.contributorIds?.includes(actor.id)) return { ok: false, refusal: "CONTRIBUTOR" };
  }
  if (request.from !== target.from) return { ok: false, refusal: "INVALID_STATE" };
  return { ok: true, to: target.to };
}

/**
 * What `actor` may do to a version now, asked of `transition` itself: the UI shows exactly
 * the actions the server will accept (the server asks `transition` again when they are taken).
 */
export function allowedActions(request: Omit<TransitionRequest, "action">): { canReview: boolean; canWithdraw: boolean } {
  return {
    canReview: REVIEW_DECISIONS.some((action) => transition({ ...request, action }).ok),
    canWithdraw: transition({ ...request, action: "WITHDRAW" }).ok,
  };
}

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  INVALID_STATE: "This version is no longer waiting for that action.",
  ROLE: "Only reviewers and admins review decisions.",
  FOUR_EYES: "Four eyes: you cannot review a version you submitted or authored. Ask another reviewer.",
  CONTRIBUTOR: "Four eyes: you changed the answers of this version, so you count as one of its authors and cannot review it. Ask another reviewer.",
  NOT_SUBMITTER: "Only the person who submitted this version can withdraw it.",
  SYSTEM_ONLY: "Versions are superseded automatically when a newer version is approved.",
};
