"use client";

import { lazy, Suspense, type ReactNode } from "react";
import { InboxLink } from "~/components/shell/inbox-link";
import { useLiveCount } from "~/components/shell/use-live-count";
import { api } from "~/trpc/call";

const unreadCount = () => api.notification.unreadCount();

/** The header's inbox link with a live unread count (server value first, then kept fresh). */
export function LiveInboxLink({ initialUnread, icon }: { initialUnread: number; icon: ReactNode }) {
  return <InboxLink unread={useLiveCount(unreadCount, initialUnread)} icon={icon} />;
}

// Only reviewers see the queue's count: its code loads for them, not with every page.
const QueueBadge = lazy(() => import("./live-queue-badge").then((m) => ({ default: m.LiveQueueBadge })));

/** The count of decisions waiting for review, beside "Review queue". */
export function LiveQueueBadge({ initialCount }: { initialCount: number }) {
  return (
    <Suspense fallback={null}>
      <QueueBadge initialCount={initialCount} />
    </Suspense>
  );
}
