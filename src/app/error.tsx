"use client";

import { BUSY_DIGEST_PREFIX, BUSY_MESSAGE } from "~/server/errors";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const busy = error.digest?.startsWith(BUSY_DIGEST_PREFIX) ?? false;
  const reference = busy ? error.digest!.slice(BUSY_DIGEST_PREFIX.length) : error.digest;
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-bold text-slate-900">{busy ? "Servewise is busy right now" : "Something went wrong"}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        {busy ? BUSY_MESSAGE : "Servewise could not show this page. Try again; if it keeps happening, give an admin this reference:"}{" "}
        {busy ? null : <code className="rounded bg-slate-100 px-1">{reference ?? "none"}</code>}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        Try again
      </button>
    </main>
  );
}
