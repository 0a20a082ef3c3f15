/** Pure rules of a use case's draft (no I/O, no clock). The review lifecycle builds on these. */
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
