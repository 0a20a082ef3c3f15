"use client";

import { CountBadge } from "~/components/shell/count-badge";
import { useLiveCount } from "~/components/shell/use-live-count";
import { api } from "~/trpc/call";

const queueCount = () => api.review.queueCount();

/** The count of decisions waiting for review, beside "Review queue" (server value first, then kept fresh). */
export function LiveQueueBadge({ initialCount }: { initialCount: number }) {
  const count = useLiveCount(queueCount, initialCount);
  return <CountBadge count={count} srText={count === 1 ? "decision waiting for review" : "decisions waiting for review"} />;
}
