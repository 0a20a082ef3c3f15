"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * A procedure's answer, read on mount and again whenever `refetch()` is called (which resolves
 * when that read has settled): the part of React Query's `useQuery` the audit page's
 * verification status uses. The last answer stays shown while a new read is under way
 * (`isFetching`); `error` is the last read's failure, cleared by a successful one.
 */
export function useProcedureQuery<O>(call: () => Promise<O>) {
  const [result, setResult] = useState<{ data: O | undefined; error: Error | null }>({ data: undefined, error: null });
  // A read starts on mount and with each refetch.
  const [fetching, setFetching] = useState(true);
  const [reloads, setReloads] = useState(0);
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    let current = true;
    call()
      .then(
        (data) => current && setResult({ data, error: null }),
        (error: unknown) => current && setResult((r) => ({ ...r, error: error instanceof Error ? error : new Error(String(error)) })),
      )
      .finally(() => {
        if (!current) return;
        setFetching(false);
        for (const resolve of waiting.current.splice(0)) resolve();
      });
    return () => {
      current = false;
    };
  }, [call, reloads]);
  const refetch = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setFetching(true);
        setReloads((n) => n + 1);
      }),
    [],
  );
  const state = { data: result.data, isFetching: fetching, refetch };
  return result.error ? { ...state, isError: true as const, error: result.error } : { ...state, isError: false as const, error: null };
}
