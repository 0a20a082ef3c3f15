import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { buttonClasses } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { AuditFiltersForm } from "~/features/audit/components/audit-filters-form";
import { AuditTable } from "~/features/audit/components/audit-table";
import { ChainStatus } from "~/features/audit/components/chain-status";
import { AUDIT_PAGE_SIZE, auditFilterParams, hasAuditFilters, readAuditCursor } from "~/features/audit/audit-params";
import { readAuditParams } from "~/features/audit/audit-state";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "~/features/audit/choices";
import { actionLabel, entityTypeLabel } from "~/features/audit/present";
import { ExportButtons } from "~/features/decision-log/components/export-buttons";
import { hasRole } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Audit trail" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!hasRole(actor.role, "ADMIN")) notFound();
  const search = await searchParams;
  const state = readAuditParams(search);
  const cursor = readAuditCursor(search);
  const caller = await getServerCaller();
  const page = state.filter ? await caller.audit.list({ filter: state.filter, ...cursor, limit: AUDIT_PAGE_SIZE }).catch(() => null) : null;
  const filtered = hasAuditFilters(state.values);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/admin" className="text-brand-700 hover:underline">
          ← Admin
        </Link>
      </nav>
      <PageHeader
        title="Audit trail"
        description="Every sign-in, decision, comment, override, role, team and price change, and export, in the order it happened. The trail is append-only: the database refuses edits and deletions, and the hash chain shows any tampering."
      />
      <ChainStatus />
      <AuditFiltersForm values={state.values} errors={state.errors} choices={{ actions: AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })), entityTypes: AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: entityTypeLabel(t) })) }} />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <h2 className="text-lg font-semibold text-slate-900">{filtered ? "Matching events" : "All events"}</h2>
        <ExportButtons
          endpoint="/api/export/audit-log"
          params={auditFilterParams(state.values)}
          what="events"
          fallbackName="servewise-audit-log"
          disabledReason={state.filter ? undefined : "Correct the filters first: the export holds exactly what the table shows."}
        />
      </div>
      {state.filter && !page ? (
        <Alert tone="error">The events could not be loaded just now. Reload the page to try again.</Alert>
      ) : state.filter && page ? (
        <AuditTable
          page={page}
          params={auditFilterParams(state.values)}
          empty={
            <EmptyState
              icon="⌕"
              title={filtered ? "No events match these filters" : "No events recorded yet"}
              action={
                filtered ? (
                  <Link href="/admin/audit" className={buttonClasses("secondary")}>
                    Clear filters
                  </Link>
                ) : undefined
              }
            >
              <p>{filtered ? "Try another action, a wider date range, or part of the actor's name." : "Events appear here as people sign in and decisions move."}</p>
            </EmptyState>
          }
        />
      ) : (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          Some filters are not valid — see the messages next to them. The events are shown again once they are corrected.
        </div>
      )}
    </>
  );
}
