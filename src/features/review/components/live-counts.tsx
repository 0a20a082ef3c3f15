"use client";

import type { ReactNode } from "react";
import { CountBadge } from "~/components/shell/count-badge";
import { InboxLink } from "~/components/shell/inbox-link";
import { useLiveCount } from "~/components/shell/use-live-count";
import { api } from "~/trpc/call";

const unreadCount = () => api.notification.unreadCount();
const queueCount = () => api.review.queueCount();

/** The header's inbox link with a live unread count (server value first, then kept fresh). */
export function LiveInboxLink({ initialUnread, icon }: { initialUnread: number; icon: ReactNode }) {
  return <InboxLink unread={useLiveCount(unreadCount, initialUnread)} icon={icon} />;
}

/** The count of decisions waiting for review, beside "Review queue". */
export function LiveQueueBadge({ initialCount }: { initialCount: number }) {
  const count = useLiveCount(queueCount, initialCount);
  return <CountBadge count={count} srText={count === 1 ? "decision waiting for review" : "decisions waiting for review"} />;
}
