/**
 * The audit viewer's filters as URL search parameters
 * (`?actor=maya&action=DECISION_APPROVED&entityType=DecisionVersion&entityId=…&from=…&to=…`).
 * Pure and isomorphic, like the decision log's, and without zod (the page reads them with the
 * schema in ./audit-state).
 */
import { urlFilters, type FilterValues } from "~/lib/url-filters";

/** Events per page of the audit viewer. */
export const AUDIT_PAGE_SIZE = 50;

/** Every field is typed text, validated by the schema (a bad value is a field error, not dropped). */
export const AUDIT_FILTERS = urlFilters({ actor: {}, action: {}, entityType: {}, entityId: {}, from: {}, to: {} });

export type AuditFilterValues = FilterValues<(typeof AUDIT_FILTERS.fields)[number]>;

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = AUDIT_FILTERS.empty;

export function hasAuditFilters(values: AuditFilterValues): boolean {
  return AUDIT_FILTERS.has(values);
}

/** The non-empty filter values (for the export endpoint's query string). */
export function auditFilterParams(values: AuditFilterValues): Record<string, string> {
  return AUDIT_FILTERS.params(values);
}

/** The audit page's query string (with its `?`, or empty) for filter parameters and a page cursor. */
export function auditSearch(params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return query ? `?${query}` : "";
}

const SEQ = /^[1-9]\d{0,18}$/;

/** Which page of events the URL asks for: below `before` or above `after` (a sequence number); a malformed value means the newest page. */
export function readAuditCursor(params: Record<string, string | string[] | undefined>): { before: string | null; after: string | null } {
  const one = (value: string | string[] | undefined) => (typeof value === "string" && SEQ.test(value) ? value : null);
  const before = one(params.before);
  return { before, after: before ? null : one(params.after) };
}
