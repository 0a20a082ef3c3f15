"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { newIdempotencyKey } from "~/lib/idempotency";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";

/** A reviewer opens version N+1 of this decision, scored by the current engine (one key per intent, so a double click opens one version). */
export function ReopenButton({ useCaseId, number }: { useCaseId: string; number: number }) {
  const router = useRouter();
  const reopen = useProcedure(api.review.reopenWithCurrentEngine);
  const key = useRef<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onReopen() {
    setError(null);
    key.current ??= newIdempotencyKey();
    try {
      const { versionNumber } = await reopen.mutateAsync({ useCaseId, number, idempotencyKey: key.current });
      router.push(`/use-cases/${useCaseId}/versions/${versionNumber}`);
      router.refresh();
    } catch (e) {
      key.current = null;
      setError(readApiError(e).message);
    }
  }

  return (
    <>
      {error ? (
        <div className="mt-2">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <Button variant="secondary" className="mt-3" disabled={reopen.isPending || reopen.isSuccess} onClick={() => void onReopen()}>
        {reopen.isPending || reopen.isSuccess ? "Opening…" : "Open a new version with the current engine"}
      </Button>
    </>
  );
}
