/**
 * The decision log's page state as URL search parameters
 * (`?teamId=…&status=APPROVED&strategy=batch&override=yes&from=2026-01-01&to=…&q=fraud&sort=title&dir=asc`).
 * Pure and isomorphic: the page reads them, the filter form and the sortable headers write them,
 * the export buttons turn the same filter into the export endpoint's query string.
 */
import { STRATEGIES } from "~/engine";
import { DECISION_STATUSES } from "~/features/decisions/workflow";
import { DECISION_LOG_SORTS, decisionLogFilterSchema, type DecisionLogFilter, type DecisionLogSort, type ExportFormat } from "./schema";

/** What the filter form's fields hold: strings, empty for "any". */
export interface LogFilterValues {
  teamId: string;
  status: string;
  strategy: string;
  override: string;
  from: string;
  to: string;
  q: string;
}

export type SortDir = "asc" | "desc";

/** Rows per page of the log (the server renders the first page, the client the next ones). */
export const LOG_PAGE_SIZE = 50;

export const EMPTY_LOG_FILTERS: LogFilterValues = { teamId: "", status: "", strategy: "", override: "", from: "", to: "", q: "" };
export const DEFAULT_SORT: { sort: DecisionLogSort; dir: SortDir } = { sort: "submittedAt", dir: "desc" };

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function oneOf(value: string, allowed: readonly string[]): string {
  return allowed.includes(value) ? value : "";
}

export interface LogPageState {
  values: LogFilterValues;
  /** The procedure's filter, or null when a field does not validate (`errors` says why). */
  filter: DecisionLogFilter | null;
  errors: Partial<Record<keyof LogFilterValues, string>>;
  sort: DecisionLogSort;
  dir: SortDir;
}

/**
 * Reads the page's search parameters. Choices that are not in their list (a stale link) are
 * dropped, as "any"; typed values (dates, text) that do not validate come back as field errors
 * with the schema's own messages, and no filter (the page then asks to correct them).
 */
export function readLogParams(params: Params): LogPageState {
  const values: LogFilterValues = {
    teamId: /^[\w-]{1,40}$/.test(first(params.teamId)) ? first(params.teamId) : "",
    status: oneOf(first(params.status), DECISION_STATUSES),
    strategy: oneOf(first(params.strategy), STRATEGIES),
    override: oneOf(first(params.override), ["yes", "no"]),
    from: first(params.from),
    to: first(params.to),
    q: first(params.q),
  };
  const sortParam = first(params.sort);
  const sort = (DECISION_LOG_SORTS as readonly string[]).includes(sortParam) ? (sortParam as DecisionLogSort) : DEFAULT_SORT.sort;
  const dirParam = first(params.dir);
  const dir: SortDir = dirParam === "asc" || dirParam === "desc" ? dirParam : sortParam ? defaultDir(sort) : DEFAULT_SORT.dir;

  const parsed = decisionLogFilterSchema.safeParse(filterOf(values));
  if (parsed.success) return { values, filter: parsed.data, errors: {}, sort, dir };
  const errors: LogPageState["errors"] = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "") as keyof LogFilterValues;
    if (key in values && !errors[key]) errors[key] = issue.message;
  }
  return { values, filter: null, errors, sort, dir };
}

/** The non-empty filter values, as the schema (and the export endpoint) expects them. */
export function filterOf(values: LogFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value.trim()) out[key] = value.trim();
  return out;
}

export function hasLogFilters(values: LogFilterValues): boolean {
  return Object.values(values).some((v) => v.trim() !== "");
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
  const params = new URLSearchParams(filterOf(values));
  if (order.sort !== DEFAULT_SORT.sort || order.dir !== DEFAULT_SORT.dir) {
    params.set("sort", order.sort);
    params.set("dir", order.dir);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The export endpoint's query string for a filter: exactly what the table shows. */
export function exportSearch(filter: Record<string, string | undefined>, format: ExportFormat): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params.toString();
}
