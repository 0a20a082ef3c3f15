/** The audit page's state from its search parameters, checked with the procedure's schema (zod: server side). */
import type { Params } from "~/lib/url-filters";
import { AUDIT_FILTERS, type AuditFilterValues } from "./audit-params";
import { auditFilterSchema, type AuditFilter } from "./schema-filters";

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
