"use client";

import { useCallback, useState } from "react";

/**
 * A procedure call as a form needs it (`api.x.y` from ~/trpc/call, a stable function):
 * `mutateAsync` resolves with the data or rejects with the error `readApiError` reads, `mutate`
 * keeps the outcome in `data` / `error` only, and `isPending` says whether a call is under way.
 * The subset of React Query's `useMutation` the portal used, without React Query in the page's
 * JavaScript.
 */
export function useProcedure<I extends unknown[], O>(call: (...input: I) => Promise<O>) {
  const [running, setRunning] = useState(0);
  const [outcome, setOutcome] = useState<{ data: O | undefined; error: unknown; succeeded: boolean }>({ data: undefined, error: null, succeeded: false });
  const mutateAsync = useCallback(
    async (...input: I): Promise<O> => {
      setRunning((n) => n + 1);
      setOutcome((o) => (o.error === null && !o.succeeded ? o : { ...o, error: null, succeeded: false }));
      try {
        const data = await call(...input);
        setOutcome({ data, error: null, succeeded: true });
        return data;
      } catch (error) {
        setOutcome((o) => ({ ...o, error }));
        throw error;
      } finally {
        setRunning((n) => n - 1);
      }
    },
    [call],
  );
  const mutate = useCallback((...input: I) => void mutateAsync(...input).catch(() => undefined), [mutateAsync]);
  const isPending = running > 0;
  return { mutateAsync, mutate, isPending, data: outcome.data, error: outcome.error, isError: outcome.error !== null, isSuccess: outcome.succeeded && !isPending };
}
