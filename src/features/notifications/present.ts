/** Pure presentation of notifications (no I/O): the label of each kind, their titles and next actions. */
import { resubmitLink, reviewLink } from "~/features/decisions/present";

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

/** The notification table's title column holds 200 characters. */
export const NOTICE_TITLE_MAX = 200;

/**
 * A notice's title names who acted, what they did and on which version:
 * "Raj Patel requested changes on Card fraud v2". A long title is shortened (never the name).
 */
export function noticeTitle(actorName: string, did: string, useCaseTitle: string, number: number): string {
  const head = `${actorName} ${did} `;
  const tail = ` v${number}`;
  const room = NOTICE_TITLE_MAX - head.length - tail.length;
  const title = useCaseTitle.length <= room ? useCaseTitle : `${useCaseTitle.slice(0, Math.max(0, room - 1))}…`;
  return `${head}${title}${tail}`.slice(0, NOTICE_TITLE_MAX);
}

/** What a reviewer's action reads as in a title: "approved", "requested changes on". */
export const REVIEW_NOTICE_VERBS = {
  APPROVE: "approved",
  REJECT: "rejected",
  REQUEST_CHANGES: "requested changes on",
} as const;

const VERSION_LINK = /^\/use-cases\/([^/?#]+)\/versions\/(\d+)$/;

/**
 * The next action an inbox item offers, besides opening it: a change request (or a rejection)
 * → "Edit answers and resubmit"; a submission waiting for a reviewer → "Review".
 */
export function notificationAction(kind: string, link: string): { label: string; href: string } | null {
  const match = VERSION_LINK.exec(link);
  if (!match) return null;
  const [, useCaseId, n] = match;
  const number = Number(n);
  if (kind === "DECISION_CHANGES_REQUESTED" || kind === "DECISION_REJECTED") return { label: "Edit answers and resubmit", href: resubmitLink(useCaseId!, number) };
  if (kind === "DECISION_SUBMITTED") return { label: "Review", href: reviewLink(useCaseId!, number) };
  return null;
}
