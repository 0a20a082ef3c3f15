/**
 * The audit viewer's filters as URL search parameters
 * (`?actor=maya&action=DECISION_APPROVED&entityType=DecisionVersion&entityId=…&from=…&to=…`).
 * Pure and isomorphic, like the decision log's.
 */
import { urlFilters, type FilterValues, type Params } from "~/lib/url-filters";
import { auditFilterSchema, type AuditFilter } from "./schema-filters";

/** Events per page of the audit viewer. */
export const AUDIT_PAGE_SIZE = 50;

/** Every field is typed text, validated by the schema (a bad value is a field error, not dropped). */
export const AUDIT_FILTERS = urlFilters({ actor: {}, action: {}, entityType: {}, entityId: {}, from: {}, to: {} });

export type AuditFilterValues = FilterValues<(typeof AUDIT_FILTERS.fields)[number]>;

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = AUDIT_FILTERS.empty;

export interface AuditPageState {
  values: AuditFilterValues;
  /** The procedure's filter, or null when a field does not validate (`errors` says why). */
  filter: AuditFilter | null;
  errors: Partial<Record<keyof AuditFilterValues, string>>;
}

export function readAuditParams(params: Params): AuditPageState {
  const values = AUDIT_FILTERS.read(params);
  const parsed = auditFilterSchema.safeParse(AUDIT_FILTERS.params(values));
  if (parsed.success) return { values, filter: parsed.data, errors: {} };
  const errors: AuditPageState["errors"] = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "") as keyof AuditFilterValues;
    if (key in values && !errors[key]) errors[key] = key === "entityType" ? "Use letters only, e.g. DecisionVersion." : issue.message;
  }
  return { values, filter: null, errors };
}

export function hasAuditFilters(values: AuditFilterValues): boolean {
  return AUDIT_FILTERS.has(values);
}

/** The non-empty filter values (for the export endpoint's query string). */
export function auditFilterParams(values: AuditFilterValues): Record<string, string> {
  return AUDIT_FILTERS.params(values);
}
