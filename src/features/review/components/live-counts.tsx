"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { CountBadge } from "~/components/shell/count-badge";
import { InboxLink } from "~/components/shell/inbox-link";
import { useTRPC } from "~/trpc/react";

/** Refetches a query when the user moves to another page (the layout itself is not re-rendered). */
function useRefetchOnNavigation(refetch: () => unknown) {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void refetch();
  }, [pathname, refetch]);
}

/** The header's inbox link with a live unread count (server value first, then kept fresh). */
export function LiveInboxLink({ initialUnread }: { initialUnread: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.notification.unreadCount.queryOptions(undefined, { initialData: initialUnread, refetchInterval: 60_000 }));
  useRefetchOnNavigation(query.refetch);
  return <InboxLink unread={query.data} />;
}

/** The count of decisions waiting for review, beside "Review queue". */
export function LiveQueueBadge({ initialCount }: { initialCount: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.review.queueCount.queryOptions(undefined, { initialData: initialCount, refetchInterval: 60_000 }));
  useRefetchOnNavigation(query.refetch);
  return <CountBadge count={query.data} srText={query.data === 1 ? "decision waiting for review" : "decisions waiting for review"} />;
}
