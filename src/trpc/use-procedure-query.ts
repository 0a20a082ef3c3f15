"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * A procedure's answer for `input`, read again whenever the input changes (compared as JSON),
 * or `refetch()` is called: the subset of React Query's
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
  const error = result.key === key ? result.error : null;
  const isPlaceholderData = result.key !== key || error !== null;
  const state = { data: result.data, isPending: result.data === undefined && error === null, isSuccess: result.data !== undefined && !isPlaceholderData, isFetching: fetching, isPlaceholderData, refetch };
  return error ? { ...state, isError: true as const, error } : { ...state, isError: false as const, error: null };
}
