import Link from "next/link";
import { viaSection } from "~/lib/roles";
import type { ReactNode } from "react";
import { PageStep } from "~/components/ui/page-step";
import { NO_FEASIBLE_LABEL, STRATEGY_LABELS, type StrategyId } from "~/engine/strategies";
import { formatPercent, formatUsd } from "~/engine/format-number";
import { StatusBadge } from "~/components/ui/status-badge";
import type { DecisionLogRow } from "../format";
import { LOG_PAGE_SIZE, logSearch, nextSort, type LogFilterValues, type SortDir } from "../log-filters";
import type { DecisionLogSort } from "../schema";

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

function strategyLabel(id: string | null): string {
  if (!id) return "—";
  return STRATEGY_LABELS[id as StrategyId] ?? id;
}

function Moment({ date }: { date: Date | null }) {
  if (!date) return <span className="text-slate-500">—</span>;
  return (
    <time dateTime={date.toISOString()} title={`${date.toISOString().slice(0, 16).replace("T", " ")} UTC`}>
      {DATE.format(date)}
      <span className="block text-xs text-slate-500">{TIME.format(date)} UTC</span>
    </time>
  );
}

interface Column {
  label: string;
  sort?: DecisionLogSort;
  align?: "right";
  /** Shown on a phone too (below `md` the other columns fold into the use case's cell). */
  key?: true;
}

/** The class of a column that a phone leaves out (its facts show under the title instead). */
const WIDE = "max-md:hidden";

const COLUMNS: Column[] = [
  { label: "Use case", sort: "title", key: true },
  { label: "Team", sort: "team" },
  { label: "Version · engine" },
  { label: "Status", key: true },
  { label: "Approved" },
  { label: "Recommended" },
  { label: "Confidence", sort: "confidence", align: "right" },
  { label: "Cost / month", sort: "monthlyCostUsd", align: "right" },
  { label: "Submitted", sort: "submittedAt" },
  { label: "Reviewed", sort: "reviewedAt" },
];

const SORT_WORDS: Record<SortDir, "ascending" | "descending"> = { asc: "ascending", desc: "descending" };

/**
 * The decision log's table, rendered on the server: one keyset page at a time, the page in the
 * URL (`?cursor=…` the page after a row, `?before=…` the one before it, `page` numbering the
 * rows), sortable headers that are links, and an empty state.
 */
export function LogTable({
  values,
  sort,
  dir,
  page,
  pageNumber,
  empty,
}: {
  values: LogFilterValues;
  sort: DecisionLogSort;
  dir: SortDir;
  page: { rows: DecisionLogRow[]; nextCursor: string | null; prevCursor: string | null };
  /** 1 for the first page (it numbers the rows shown). */
  pageNumber: number;
  /** Shown instead of the table when there are no rows at all. */
  empty: ReactNode;
}) {
  const rows = page.rows;
  const firstRow = (pageNumber - 1) * LOG_PAGE_SIZE + 1;
  const sortLabel = COLUMNS.find((c) => c.sort === sort)?.label ?? sort;
  const caption = `Decision versions, sorted by ${sortLabel.toLowerCase()} (${SORT_WORDS[dir]})`;
  const link = (at: Record<string, string>) => {
    const query = new URLSearchParams(logSearch(values, { sort, dir }).slice(1));
    for (const [name, value] of Object.entries(at)) query.set(name, value);
    return `/decision-log?${query.toString()}`;
  };

  if (rows.length === 0 && page.prevCursor === null && page.nextCursor === null) return <>{empty}</>;
  return (
    <div>
      <div
        className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
        role="region"
        aria-labelledby="decision-log-caption"
        tabIndex={0}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="decision-log-table">
          <caption id="decision-log-caption" className="sr-only">
            {caption}
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              {COLUMNS.map((column) => {
                const active = column.sort === sort;
                return (
                  <th
                    key={column.label}
                    scope="col"
                    aria-sort={active ? SORT_WORDS[dir] : column.sort ? "none" : undefined}
                    className={`px-2.5 py-3 align-bottom ${column.align === "right" ? "text-right" : ""} ${column.key ? "" : WIDE}`}
                  >
                    {column.sort ? (
                      <Link
                        href={`/decision-log${logSearch(values, nextSort({ sort, dir }, column.sort))}`}
                        scroll={false}
                        className={`inline-flex items-center gap-1 rounded text-left uppercase tracking-wide hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${active ? "text-slate-900" : ""}`}
                      >
                        {column.label}
                        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-400"}>
                          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </Link>
                    ) : (
                      column.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-slate-50">
                <th scope="row" className="px-2.5 py-3 text-left font-normal md:min-w-44 md:max-w-64">
                  <Link href={`/use-cases/${row.useCaseId}/versions/${row.number}?${viaSection("decision-log")}`} className="font-semibold text-brand-700 hover:underline">
                    {row.title}
                  </Link>
                  {row.tags.length > 0 ? <span className="mt-0.5 block truncate text-xs text-slate-500">{row.tags.map((t) => `#${t}`).join(" ")}</span> : null}
                  <span className="mt-1 block text-xs text-slate-600 md:hidden">
                    {row.team} · v{row.number}
                    {row.approvedStrategy ? ` · approved ${strategyLabel(row.approvedStrategy)}${row.isOverride ? " (override)" : ""}` : ""}
                    {row.recommended === null ? ` · ${NO_FEASIBLE_LABEL.toLowerCase()}` : ` · recommended ${strategyLabel(row.recommended)}`}
                    {` · submitted ${DATE.format(row.submittedAt)}`}
                  </span>
                </th>
                <td className={`px-2.5 py-3 text-slate-700 ${WIDE}`}>{row.team}</td>
                <td className={`whitespace-nowrap px-2.5 py-3 tabular-nums text-slate-700 ${WIDE}`}>
                  v{row.number}
                  <span className="block font-mono text-xs text-slate-600" title="Engine version">
                    <span className="sr-only">engine </span>
                    {row.engineVersion}
                  </span>
                </td>
                <td className="px-2.5 py-3">
                  <StatusBadge status={row.status} />
                </td>
                <td className={`min-w-28 px-2.5 py-3 text-slate-900 ${WIDE}`}>
                  <span>{strategyLabel(row.approvedStrategy)}</span>
                  {row.isOverride ? (
                    <span className="mt-1 flex w-fit items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200">
                      <span aria-hidden="true">⚑</span> Override
                    </span>
                  ) : null}
                </td>
                <td className={`min-w-28 px-2.5 py-3 text-slate-700 ${WIDE}`}>
                  {row.recommended === null ? <span className="text-amber-800">{NO_FEASIBLE_LABEL}</span> : strategyLabel(row.recommended)}
                </td>
                <td className={`px-2.5 py-3 text-right tabular-nums text-slate-900 ${WIDE}`}>{formatPercent(row.confidence)}</td>
                <td
                  className={`px-2.5 py-3 text-right tabular-nums text-slate-900 ${WIDE}`}
                  title={row.approvedStrategy ? "The approved strategy's estimate" : "The recommended strategy's estimate (not approved)"}
                >
                  {row.monthlyCostUsd === null ? <span className="text-slate-600">unknown</span> : formatUsd(row.monthlyCostUsd)}
                </td>
                <td className={`whitespace-nowrap px-2.5 py-3 text-slate-700 ${WIDE}`}>
                  <Moment date={row.submittedAt} />
                  <span className="block text-xs text-slate-600">by {row.submitter}</span>
                </td>
                <td className={`whitespace-nowrap px-2.5 py-3 text-slate-700 ${WIDE}`}>
                  <Moment date={row.reviewedAt} />
                  {row.reviewer ? <span className="block text-xs text-slate-600">by {row.reviewer}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Decision log pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="log-range">
          {rows.length === 0 ? "No rows on this page." : `Rows ${firstRow}–${firstRow + rows.length - 1}${page.nextCursor ? "" : " (the last page)"}`}
        </p>
        <div className="flex flex-wrap gap-2">
          <PageStep href={page.prevCursor ? link({ before: page.prevCursor, page: String(Math.max(1, pageNumber - 1)) }) : null}>← Previous page</PageStep>
          <PageStep href={page.nextCursor ? link({ cursor: page.nextCursor, page: String(pageNumber + 1) }) : null}>Next page →</PageStep>
        </div>
      </nav>
    </div>
  );
}
