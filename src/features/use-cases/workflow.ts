/** Pure rules of a use case's draft (no I/O, no clock). The review lifecycle builds on these. */
import diff from "microdiff";
import type { UseCaseStatus } from "./schema";

/**
 * A draft can be edited and submitted unless a version is under review: a team answers
 * CHANGES_REQUESTED (or revisits an approved, rejected or withdrawn decision) by editing and
 * submitting version N+1.
 */
export function isDraftEditable(status: UseCaseStatus): boolean {
  return status !== "SUBMITTED";
}

export interface UseCaseAccess {
  isTeamMember: boolean;
  isReviewer: boolean;
  hasSubmittedVersion: boolean;
}

/** Team members see their team's use cases; reviewers and admins see submitted work of all teams. */
export function canReadUseCase(access: UseCaseAccess): boolean {
  return access.isTeamMember || (access.isReviewer && access.hasSubmittedVersion);
}

/** Only members of the owning team write a use case (whatever their role). */
export function canWriteUseCase(access: UseCaseAccess): boolean {
  return access.isTeamMember;
}

/**
 * Draft edits are on the record, coalesced: an editor's first change to a draft opens a window
 * of this many minutes in which their further autosaves add no audit event; a submission
 * closes every window.
 */
export const DRAFT_EDIT_WINDOW_MINUTES = 10;

/** The answers (question ids, A→Z) whose value differs between two drafts; a missing answer is null (unknown). */
export function changedAnswerFields(before: unknown, after: unknown): string[] {
  const a = asRecord(before);
  const b = asRecord(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null))
    .sort();
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Which answers the questionnaire opens with when the team answers a reviewed version
 * ("Edit answers and resubmit"): that version's answers, unless the team's saved draft has
 * moved on from them — then the draft (newer work is never dropped silently), with the choice
 * to start again from the version (`restore`).
 */
export function resubmissionStart<T extends object>(
  draft: T,
  versionAnswers: T,
  restore: boolean,
): { answers: T; from: "version" | "draft"; draftDiffers: boolean } {
  const isEmpty = Object.values(draft).every((v) => v === undefined);
  const draftDiffers = !isEmpty && diff(draft as Record<string, unknown>, versionAnswers as Record<string, unknown>).length > 0;
  if (!draftDiffers || restore) return { answers: versionAnswers, from: "version", draftDiffers };
  return { answers: draft, from: "draft", draftDiffers };
}
