import "server-only";
import { getMailEnv } from "~/env";
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
    console.error(`[mail] notices not emailed: ${(error as Error).message}`);
    return 0;
  }
}
