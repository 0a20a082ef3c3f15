"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { announceCountsChanged } from "~/components/shell/use-live-count";
import { api } from "~/trpc/call";
import { invalidate } from "~/trpc/use-procedure";

/**
 * After a review action: refetch this version's review state and the header counts, and
 * re-render the server components (status badges, version history) with `router.refresh()`.
 * (A page shows one version's review: every mounted review state and use case reads again.)
 */
export function useReviewRefresh(_useCaseId: string, _number: number) {
  const router = useRouter();
  return useCallback(async () => {
    announceCountsChanged();
    await invalidate(api.review.state, api.useCase.get);
    router.refresh();
  }, [router]);
}
