import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { BellIcon } from "~/components/shell/icons";
import { LiveInboxLink, LiveQueueBadge } from "~/features/review/components/live-counts";
import { hasRole, navigationFor, ROLE_LABELS } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";
import { getServerCaller } from "~/trpc/server";

export const dynamic = "force-dynamic";

/** A count for the header, or 0 when it cannot be read (the header never breaks a page). */
async function countOrZero(load: Promise<number>): Promise<number> {
  return load.catch(() => 0);
}

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const caller = await getServerCaller();
  const isReviewer = hasRole(actor.role, "REVIEWER");
  const [unread, waiting] = await Promise.all([
    countOrZero(caller.notification.unreadCount()),
    isReviewer ? countOrZero(caller.review.queueCount()) : Promise.resolve(0),
  ]);
  // Client components call procedures with `fetch` on /api/trpc (~/trpc/call, loaded on a page's
  // first call): no React Query, tRPC client or transformer in the browser (issue 13's 150 kB page budget).
  return (
    <AppShell
      nav={navigationFor(actor.role).map(({ href, label }) =>
        href === "/review" && isReviewer ? { href, label, badge: <LiveQueueBadge initialCount={waiting} />, badgeId: "nav-review-count" } : { href, label },
      )}
      user={{ name: actor.name, email: actor.email, roleLabel: ROLE_LABELS[actor.role] }}
      actions={<LiveInboxLink initialUnread={unread} icon={<BellIcon />} />}
    >
      {children}
    </AppShell>
  );
}
