"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/**
 * After a review action: refetch this version's review state and the header counts, and
 * re-render the server components (status badges, version history) with `router.refresh()`.
 */
export function useReviewRefresh(useCaseId: string, number: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.review.state.queryKey({ useCaseId, number }) }),
      queryClient.invalidateQueries({ queryKey: trpc.review.queueCount.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notification.unreadCount.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.useCase.get.queryKey({ id: useCaseId }) }),
    ]);
    router.refresh();
  }, [queryClient, router, trpc, useCaseId, number]);
}
