import Link from "next/link";
import { Alert } from "~/components/ui/alert";
import { buttonClasses } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { ExportButtons } from "~/features/decision-log/components/export-buttons";
import { DECISION_LOG_EXPORT_FORMATS } from "~/features/decision-log/format";
import { LogFiltersForm } from "~/features/decision-log/components/log-filters-form";
import { LogTable } from "~/features/decision-log/components/log-table";
import { EMPTY_LOG_FILTERS, hasLogFilters, LOG_PAGE_SIZE, logSearch } from "~/features/decision-log/log-filters";
import { readLogParams } from "~/features/decision-log/log-params";
import { hasRole } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";
import { TRPCError } from "@trpc/server";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Decision log" };

export default async function DecisionLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const state = readLogParams(await searchParams);
  const caller = await getServerCaller();
  const isReviewer = hasRole(actor.role, "REVIEWER");
  const [teams, page] = await Promise.all([
    isReviewer ? caller.team.listAll() : caller.account.myTeams(),
    state.filter
      ? caller.decisionLog
          .list({ filter: state.filter, sort: state.sort, dir: state.dir, cursor: state.at.cursor, before: state.at.before, limit: LOG_PAGE_SIZE })
          .then((p) => ({ ok: true as const, ...p }))
          .catch((error: unknown) => ({ ok: false as const, stale: error instanceof TRPCError && error.code === "BAD_REQUEST" }))
      : Promise.resolve(null),
  ]);
  const filtered = hasLogFilters(state.values);
  const scope = isReviewer ? "every team's decisions" : `the decisions of ${teams.length === 1 ? teams[0]!.name : "your teams"}`;

  return (
    <>
      <PageHeader
        title="Decision log"
        description={<>Every decision version you may see — {scope}: what was recommended, what was approved, by whom and when. Filter it, sort it, and export exactly what it shows.</>}
      />
      <LogFiltersForm values={state.values} errors={state.errors} teams={teams} sort={state.sort} dir={state.dir} />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <h2 className="text-lg font-semibold text-slate-900">{filtered ? "Matching decisions" : "All decisions"}</h2>
        <ExportButtons
          endpoint="/api/export/decision-log"
          params={state.filter ? Object.fromEntries(Object.entries(state.filter).map(([k, v]) => [k, v === undefined ? undefined : String(v)])) : {}}
          what="decisions"
          formats={DECISION_LOG_EXPORT_FORMATS}
          fallbackName="servewise-decision-log"
          disabledReason={state.filter ? undefined : "Correct the filters first: the export holds exactly what the table shows."}
        />
      </div>
      {page && !page.ok ? (
        <Alert tone="error">
          {page.stale ? "That page link is no longer valid. " : "The decisions could not be loaded just now. "}
          <Link href={`/decision-log${logSearch(state.values, { sort: state.sort, dir: state.dir })}`} className="font-semibold underline">
            Show the first page
          </Link>
        </Alert>
      ) : state.filter && page ? (
        <LogTable
          values={state.values}
          sort={state.sort}
          dir={state.dir}
          page={page}
          pageNumber={state.at.page}
          empty={
            filtered ? (
              <EmptyState
                icon="⌕"
                title="No decisions match these filters"
                action={
                  <Link href={`/decision-log${logSearch(EMPTY_LOG_FILTERS, { sort: state.sort, dir: state.dir })}`} className={buttonClasses("secondary")}>
                    Clear filters
                  </Link>
                }
              >
                <p>Try a wider date range, another status, or fewer words in the search.</p>
              </EmptyState>
            ) : (
              <EmptyState
                icon="≡"
                title="No decisions recorded yet"
                action={
                  <Link href="/use-cases" className={buttonClasses("primary")}>
                    Go to my use cases
                  </Link>
                }
              >
                <p>Each version submitted for review appears here, with its recommendation, the reviewer&apos;s verdict and any override.</p>
              </EmptyState>
            )
          }
        />
      ) : (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          Some filters are not valid — see the messages next to them. The log is shown again once they are corrected.
        </div>
      )}
    </>
  );
}
