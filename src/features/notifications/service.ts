import "server-only";
import { getEnv } from "~/env";
import type { CommandContext } from "~/server/actor";
import { db } from "~/server/db";
import { isEmailEnabled, sendMail } from "~/server/mail";

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
  if (notices.length === 0 || !isEmailEnabled()) return 0;
  try {
    const users = await db.user.findMany({
      where: { id: { in: [...new Set(notices.map((n) => n.userId))] }, active: true },
      select: { id: true, email: true },
    });
    const base = getEnv().NEXTAUTH_URL ?? "http://localhost:3000";
    const sent = await Promise.all(
      notices.flatMap((n) => {
        const to = users.find((u) => u.id === n.userId)?.email;
        return to ? [sendMail({ to, subject: n.title, text: `${n.body ? `${n.body}\n\n` : ""}${new URL(n.link, base).toString()}` })] : [];
      }),
    );
    return sent.filter(Boolean).length;
  } catch (error) {
    console.error(`[mail] notices not emailed: ${(error as Error).message}`);
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
