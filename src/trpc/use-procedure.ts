"use client";

import { useCallback, useEffect, useRef, useState } from "react";

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

const INVALIDATE = "servewise:invalidate";

/**
 * Tells every mounted `useProcedureQuery` of these procedures to read again (React Query's
 * `invalidateQueries` by procedure), e.g. after a review action changed the review's state.
 * Resolves when they have read.
 */
export async function invalidate(...calls: readonly ((...args: never[]) => Promise<unknown>)[]): Promise<void> {
  const reads: Promise<void>[] = [];
  for (const call of calls) window.dispatchEvent(new CustomEvent(INVALIDATE, { detail: { call, reads } }));
  await Promise.all(reads);
}

/**
 * A procedure's answer for `input`, read again whenever the input changes (compared as JSON),
 * `refetch()` is called or the procedure is `invalidate`d: the subset of React Query's
 * `useQuery` the portal used. `initialData` (the server's rendering) answers the first input
 * without a request; `enabled: false` waits. While another input loads, the last answer stays
 * shown (`isPlaceholderData`), as with `keepPreviousData`. `error` is the last failure for
 * the current input.
 */
export function useProcedureQuery<I, O>(call: (input: I) => Promise<O>, input: I, options: { initialData?: O; enabled?: boolean } = {}) {
  const { initialData, enabled = true } = options;
  const key = JSON.stringify(input ?? null);
  const [result, setResult] = useState<{ key: string | null; data: O | undefined; error: Error | null }>({ key: initialData === undefined ? null : key, data: initialData, error: null });
  const [fetching, setFetching] = useState(false);
  const [reloads, setReloads] = useState(0);
  const latestInput = useRef(input);
  useEffect(() => {
    latestInput.current = input;
  });
  const useInitial = useRef(initialData !== undefined);
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (!enabled) {
      // Nothing to read: whoever awaits a refetch (`invalidate`) goes on.
      for (const resolve of waiting.current.splice(0)) resolve();
      return;
    }
    if (useInitial.current) {
      useInitial.current = false;
      return;
    }
    let current = true;
    setFetching(true);
    call(latestInput.current)
      .then(
        (data) => current && setResult({ key, data, error: null }),
        (error: unknown) => current && setResult((r) => ({ ...r, key, error: error instanceof Error ? error : new Error(String(error)) })),
      )
      .finally(() => {
        if (!current) return;
        setFetching(false);
        for (const resolve of waiting.current.splice(0)) resolve();
      });
    return () => {
      current = false;
    };
  }, [call, key, reloads, enabled]);
  /** Reads again; resolves when that read has settled. */
  const refetch = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setReloads((n) => n + 1);
      }),
    [],
  );
  useEffect(() => {
    const onInvalidate = (event: Event) => {
      const detail = (event as CustomEvent<{ call: unknown; reads: Promise<void>[] }>).detail;
      if (detail.call === call) detail.reads.push(refetch());
    };
    window.addEventListener(INVALIDATE, onInvalidate);
    return () => window.removeEventListener(INVALIDATE, onInvalidate);
  }, [call, refetch]);
  const error = result.key === key ? result.error : null;
  const isPlaceholderData = result.key !== key || error !== null;
  const state = { data: result.data, isPending: result.data === undefined && error === null, isSuccess: result.data !== undefined && !isPlaceholderData, isFetching: fetching, isPlaceholderData, refetch };
  return error ? { ...state, isError: true as const, error } : { ...state, isError: false as const, error: null };
}
