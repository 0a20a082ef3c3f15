/**
 * The decision log's page state as URL search parameters
 * (`?teamId=…&status=APPROVED&strategy=batch&override=yes&changed=yes&from=2026-01-01&to=…&q=fraud&sort=title&dir=asc`).
 * Pure and isomorphic: the page reads them (./log-params), the filter form and the sortable
 * headers write them, the export buttons turn the same filter into the export endpoint's query
 * string. Without zod at run time (the log page's JavaScript budget): types only from ./schema.
 */
import { STRATEGIES } from "~/engine/strategies";
import { DECISION_STATUSES } from "~/features/decisions/workflow";
import { accept, urlFilters, type FilterValues } from "~/lib/url-filters";
import type { DecisionLogSort } from "./schema";

/**
 * The filters' parameters. Choices that are not in their list (a stale link) are dropped, as
 * "any"; typed values (dates, text) are kept as typed and validated by the schema.
 */
export const LOG_FILTERS = urlFilters({
  teamId: { accept: accept.matching(/^[\w-]{1,40}$/) },
  status: { accept: accept.oneOf(DECISION_STATUSES) },
  strategy: { accept: accept.oneOf(STRATEGIES) },
  override: { accept: accept.oneOf(["yes", "no"]) },
  changed: { accept: accept.oneOf(["yes", "no"]) },
  from: {},
  to: {},
  q: {},
});

/** What the filter form's fields hold: strings, empty for "any". */
export type LogFilterValues = FilterValues<(typeof LOG_FILTERS.fields)[number]>;

export type SortDir = "asc" | "desc";

/** Rows per page of the log (the server renders the first page, the client the next ones). */
export const LOG_PAGE_SIZE = 50;

export const EMPTY_LOG_FILTERS: LogFilterValues = LOG_FILTERS.empty;
export const DEFAULT_SORT: { sort: DecisionLogSort; dir: SortDir } = { sort: "submittedAt", dir: "desc" };

/** The non-empty filter values, as the schema (and the export endpoint) expects them. */
export function filterOf(values: LogFilterValues): Record<string, string> {
  return LOG_FILTERS.params(values);
}

export function hasLogFilters(values: LogFilterValues): boolean {
  return LOG_FILTERS.has(values);
}

/** Text columns start A→Z; dates and numbers start with the largest (newest) first. */
export function defaultDir(sort: DecisionLogSort): SortDir {
  return sort === "title" || sort === "team" ? "asc" : "desc";
}

/** What a click on a sortable header does: the same column flips its direction; another starts at its default. */
export function nextSort(current: { sort: DecisionLogSort; dir: SortDir }, column: DecisionLogSort): { sort: DecisionLogSort; dir: SortDir } {
  if (current.sort === column) return { sort: column, dir: current.dir === "asc" ? "desc" : "asc" };
  return { sort: column, dir: defaultDir(column) };
}

/** The page's query string (with its `?`, or empty): filters, then the sort unless it is the default. */
export function logSearch(values: LogFilterValues, order: { sort: DecisionLogSort; dir: SortDir } = DEFAULT_SORT): string {
  const isDefault = order.sort === DEFAULT_SORT.sort && order.dir === DEFAULT_SORT.dir;
  return LOG_FILTERS.search(values, isDefault ? {} : order);
}
