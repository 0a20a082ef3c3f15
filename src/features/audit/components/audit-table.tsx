import Link from "next/link";
import type { ReactNode } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { PageStep } from "~/components/ui/page-step";
import type { AppRouter } from "~/server/api/root";
import { auditSearch } from "../audit-params";

type AuditPage = inferRouterOutputs<AppRouter>["audit"]["list"];

/** One event as `audit.list` answers it (inferred from the router, never redeclared). */
export type AuditEventRow = AuditPage["events"][number];

/**
 * The audit viewer's table, newest first, keyset-paginated on the sequence number and rendered
 * on the server: the page is in the URL (`?before=…` for older events, `?after=…` for newer),
 * so a page can be linked to and the back button works. Each payload has a one-line summary
 * and its full JSON behind a disclosure (texts from `audit.list`'s `view`).
 */
export function AuditTable({ page, params, empty }: { page: AuditPage; params: Record<string, string>; empty: ReactNode }) {
  const events = page.events;
  const atNewest = page.newerAfter === null;
  if (events.length === 0 && atNewest && page.nextBefore === null) return <>{empty}</>;
  const link = (cursor: Record<string, string>) => `/admin/audit${auditSearch({ ...params, ...cursor })}`;

  return (
    <div>
      <div
        className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
        role="region"
        aria-labelledby="audit-caption"
        tabIndex={0}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
          <caption id="audit-caption" className="sr-only">
            Audit events, newest first (times in UTC)
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-3 text-right">
                Seq
              </th>
              <th scope="col" className="px-3 py-3 max-md:hidden">
                Time (UTC)
              </th>
              <th scope="col" className="px-3 py-3 max-md:hidden">
                Actor
              </th>
              <th scope="col" className="px-3 py-3">
                Action
              </th>
              <th scope="col" className="px-3 py-3 max-md:hidden">
                Entity
              </th>
              <th scope="col" className="px-3 py-3">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => {
              const { view } = e;
              const href = view.entityHref;
              return (
                <tr key={e.seq} className="align-top hover:bg-slate-50">
                  <th scope="row" className="px-3 py-3 text-right font-mono text-xs font-semibold text-slate-700 max-md:px-2">
                    {e.seq}
                  </th>
                  <td className="whitespace-nowrap px-3 py-3 text-slate-700 max-md:hidden">
                    <time dateTime={new Date(e.occurredAt).toISOString()}>{view.time}</time>
                  </td>
                  <td className="px-3 py-3 max-md:hidden">
                    <span className="block font-medium text-slate-900">{e.actorName}</span>
                    <span className="block text-xs text-slate-600">{e.actorEmail}</span>
                  </td>
                  <td className="px-3 py-3">
                    <span className="block font-medium text-slate-900">{view.actionLabel}</span>
                    <code className="block break-all text-xs text-slate-600">{e.action}</code>
                    <span className="mt-1 block text-xs text-slate-600 md:hidden">
                      <time dateTime={new Date(e.occurredAt).toISOString()}>{view.time}</time> · {e.actorName} ·{" "}
                      {view.entityTypeLabel}
                    </span>
                  </td>
                  <td className="px-3 py-3 max-md:hidden">
                    <span className="block text-slate-800">{view.entityTypeLabel}</span>
                    {href ? (
                      <Link href={href} className={`block max-w-56 truncate text-brand-700 hover:underline ${e.useCaseTitle ? "text-sm font-medium" : "font-mono text-xs"}`} title={e.entityId}>
                        {view.entityName}
                      </Link>
                    ) : (
                      <span className="block max-w-40 truncate font-mono text-xs text-slate-600" title={e.entityId}>
                        {e.entityId}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-3 text-slate-700 md:min-w-64 md:max-w-md">
                    <p className="break-words">{view.summary}</p>
                    <details className="mt-1 text-xs">
                      <summary className="cursor-pointer rounded text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
                        Full event<span className="sr-only"> {e.seq}</span>
                      </summary>
                      <pre tabIndex={0} aria-label={`Event ${e.seq} as JSON`} className="mt-2 max-h-72 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
                        {JSON.stringify(e.payload, null, 2)}
                      </pre>
                      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-600">
                        <dt>Request</dt>
                        <dd className="break-all font-mono">{e.requestId ?? "—"}</dd>
                        <dt>Hash</dt>
                        <dd className="break-all font-mono" title={e.hash}>
                          {view.shortHash}
                        </dd>
                      </dl>
                    </details>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit event pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {events.length > 0 ? `Events ${events[0]!.seq} to ${events.at(-1)!.seq}` : "No events on this page."}
          {page.nextBefore ? "" : " — the oldest matching event is shown."}
        </p>
        <div className="flex flex-wrap gap-2">
          <PageStep href={atNewest ? null : link({})}>Newest events</PageStep>
          <PageStep href={page.newerAfter ? link({ after: page.newerAfter }) : null}>← Newer events</PageStep>
          <PageStep href={page.nextBefore ? link({ before: page.nextBefore }) : null}>Older events →</PageStep>
        </div>
      </nav>
    </div>
  );
}
