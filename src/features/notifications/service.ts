import "server-only";
import { getMailEnv } from "~/env";
import type { CommandContext } from "~/server/actor";
import { db, type Tx } from "~/server/db";
import { decisionLink } from "~/features/decisions/present";
import { isEmailEnabled, sendMail } from "~/server/mail";
import { briefly, logger } from "~/server/log";
import { noticeTitle } from "./present";

export interface Notice {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
}

/**
 * Emails in-app notices (already committed) to their recipients when SMTP is configured.
 * Called after the transaction; awaits nothing the caller depends on and never throws.
 */
export async function emailNotices(notices: Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  try {
    if (!isEmailEnabled()) return 0;
    const users = await db.user.findMany({
      where: { id: { in: [...new Set(notices.map((n) => n.userId))] }, active: true },
      select: { id: true, email: true },
    });
    const base = getMailEnv().NEXTAUTH_URL ?? "http://localhost:3000";
    const sent = await Promise.all(
      notices.flatMap((n) => {
        const to = users.find((u) => u.id === n.userId)?.email;
        return to ? [sendMail({ to, subject: n.title, text: `${n.body ? `${n.body}\n\n` : ""}${new URL(n.link, base).toString()}` })] : [];
      }),
    );
    return sent.filter(Boolean).length;
  } catch (error) {
    logger.warn({ path: "mail", cause: briefly(error).message }, "notices not emailed");
    return 0;
  }
}

/** Marks the actor's own notifications read: the given ones, or all. Others' are never touched. */
export async function markNotificationsRead(ctx: CommandContext, ids: string[] | "all") {
  const { count } = await db.notification.updateMany({
    where: { userId: ctx.actor.id, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: ctx.now },
  });
  return { marked: count };
}

/** Stores in-app notices inside the caller's transaction (email follows after commit). */
export async function notify(tx: Tx, notices: readonly Notice[], now: Date): Promise<void> {
  if (notices.length > 0) await tx.notification.createMany({ data: notices.map((n) => ({ ...n, createdAt: now })) });
}

/** Tells every active reviewer and admin (but the submitter) that a version awaits review. */
export async function notifyReviewersOfSubmission(
  tx: Tx,
  params: { submitterId: string; submitterName: string; useCaseId: string; number: number; title: string; now: Date },
): Promise<Notice[]> {
  const notice = {
    kind: "DECISION_SUBMITTED",
    title: noticeTitle(params.submitterName, "submitted", params.title, params.number),
    body: "Waiting for review.",
    link: decisionLink(params.useCaseId, params.number),
  };
  // One round trip: the recipients are chosen and notified by the same statement.
  const recipients = await tx.$queryRaw<{ userId: string }[]>`
    INSERT INTO "Notification" (id, "userId", kind, title, body, link, "createdAt")
    SELECT gen_random_uuid()::text, u.id, ${notice.kind}, ${notice.title}, ${notice.body}, ${notice.link}, ${params.now}
    FROM "User" u
    WHERE u.active AND u.role IN ('REVIEWER', 'ADMIN') AND u.id <> ${params.submitterId}
    RETURNING "userId"`;
  return recipients.map((r) => ({ userId: r.userId, ...notice }));
}
