/**
 * The audit viewer's filters as URL search parameters
 * (`?actor=maya&action=DECISION_APPROVED&entityType=DecisionVersion&entityId=…&from=…&to=…`).
 * Pure and isomorphic, like the decision log's.
 */
import { auditFilterSchema, type AuditFilter } from "./schema-filters";

/** Events per page of the audit viewer. */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilterValues {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { actor: "", action: "", entityType: "", entityId: "", from: "", to: "" };

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export interface AuditPageState {
  values: AuditFilterValues;
  /** The procedure's filter, or null when a field does not validate (`errors` says why). */
  filter: AuditFilter | null;
  errors: Partial<Record<keyof AuditFilterValues, string>>;
}

export function readAuditParams(params: Params): AuditPageState {
  const values: AuditFilterValues = {
    actor: first(params.actor),
    action: first(params.action),
    entityType: first(params.entityType),
    entityId: first(params.entityId),
    from: first(params.from),
    to: first(params.to),
  };
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value) raw[key] = value;
  const errors: AuditPageState["errors"] = {};
  if (values.from && values.to && /^\d{4}-\d{2}-\d{2}$/.test(values.from) && values.from > values.to) {
    errors.to = "The end date must be on or after the start date.";
  }
  const parsed = auditFilterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "") as keyof AuditFilterValues;
      if (key in values && !errors[key]) errors[key] = key === "entityType" ? "Use letters only, e.g. DecisionVersion." : issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { values, filter: null, errors };
  return { values, filter: parsed.data, errors };
}

export function hasAuditFilters(values: AuditFilterValues): boolean {
  return Object.values(values).some((v) => v !== "");
}

/** The non-empty filter values (for the export endpoint's query string). */
export function auditFilterParams(values: AuditFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value) out[key] = value;
  return out;
}
