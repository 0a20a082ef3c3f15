"use client";

import "./globals.css";

/**
 * What shows when the root layout itself fails (every other error has ./error.tsx inside the
 * layout). Ours rather than Next's built-in one: the same words as the rest of the portal, and
 * ~1 kB less JavaScript on every page (Next ships its default's styles to every page).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-slate-50 font-sans text-slate-900 antialiased">
        <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
          <h1 className="text-2xl font-bold">Something went wrong</h1>
          <p className="mt-2 max-w-md text-sm text-slate-600">
            Servewise could not show this page. Try again; if it keeps happening, give an admin this reference:{" "}
            <code className="rounded bg-slate-100 px-1">{error.digest ?? "none"}</code>
          </p>
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
