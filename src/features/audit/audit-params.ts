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
