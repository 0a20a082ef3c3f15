/**
 * The decision log page's state from its search parameters, checked with the procedure's own
 * schema (zod: server side only; the filter codecs themselves are in ./log-filters).
 */
import { first, type Params } from "~/lib/url-filters";
import { DEFAULT_SORT, defaultDir, filterOf, LOG_FILTERS, type LogFilterValues, type SortDir } from "./log-filters";
import { DECISION_LOG_SORTS, decisionLogFilterSchema, type DecisionLogFilter, type DecisionLogSort } from "./schema";

/** A page cursor as the log writes them (base64url); anything else means the first page. */
const CURSOR = /^[A-Za-z0-9_-]{1,500}$/;

export interface LogPageState {
  values: LogFilterValues;
  /** Which page: after the row `cursor`, before the row `before`, or the first (both null); `page` numbers the rows shown (1 = the first page). */
  at: { cursor: string | null; before: string | null; page: number };
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
  const values = LOG_FILTERS.read(params);
  const sortParam = first(params.sort);
  const sort = (DECISION_LOG_SORTS as readonly string[]).includes(sortParam) ? (sortParam as DecisionLogSort) : DEFAULT_SORT.sort;
  const dirParam = first(params.dir);
  const dir: SortDir = dirParam === "asc" || dirParam === "desc" ? dirParam : sortParam ? defaultDir(sort) : DEFAULT_SORT.dir;

  const cursorParam = first(params.cursor);
  const beforeParam = first(params.before);
  const pageParam = Number(first(params.page));
  const cursor = CURSOR.test(cursorParam) ? cursorParam : null;
  const at = {
    cursor,
    before: !cursor && CURSOR.test(beforeParam) ? beforeParam : null,
    page: cursor || beforeParam ? (Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1_000_000 ? pageParam : 2) : 1,
  };

  const parsed = decisionLogFilterSchema.safeParse(filterOf(values));
  if (parsed.success) return { values, at, filter: parsed.data, errors: {}, sort, dir };
  const errors: LogPageState["errors"] = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "") as keyof LogFilterValues;
    if (key in values && !errors[key]) errors[key] = issue.message;
  }
  return { values, at, filter: null, errors, sort, dir };
}
