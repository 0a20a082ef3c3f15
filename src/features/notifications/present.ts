/** Pure presentation of notifications (no I/O): the label of each kind. */
const NOTIFICATION_KINDS: Record<string, string> = {
  DECISION_SUBMITTED: "Submitted for review",
  DECISION_APPROVED: "Approved",
  DECISION_REJECTED: "Rejected",
  DECISION_CHANGES_REQUESTED: "Changes requested",
  DECISION_WITHDRAWN: "Withdrawn",
  COMMENT_ADDED: "New comment",
};

export function notificationKindLabel(kind: string): string {
  return NOTIFICATION_KINDS[kind] ?? "Update";
}
