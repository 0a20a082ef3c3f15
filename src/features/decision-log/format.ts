/**
 * The decision log's export columns, pure (the writers are src/lib/export's: CSV with formula
 * neutralisation, JSON Lines). The CSV goes through PostgreSQL's COPY, whose SELECT (queries.ts)
 * computes the same columns in the same order.
 */
import type { ExportColumn } from "~/lib/export/writers";

export interface DecisionLogRow {
  id: string;
  useCaseId: string;
  title: string;
  team: string;
  number: number;
  status: string;
  recommended: string;
  approvedStrategy: string | null;
  isOverride: boolean;
  confidence: number;
  /** The decision on record's monthly cost: the approved strategy's once approved, else the recommended one's; null = unknown. */
  monthlyCostUsd: number | null;
  submitter: string;
  reviewer: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  engineVersion: string;
  tags: string[];
}

/** The columns of both formats, in order (CSV headers, JSON Lines keys). */
export const EXPORT_COLUMNS = [
  { header: "use_case", value: (r) => r.title },
  { header: "team", value: (r) => r.team },
  { header: "version", value: (r) => r.number },
  { header: "status", value: (r) => r.status },
  { header: "recommended_strategy", value: (r) => r.recommended },
  { header: "approved_strategy", value: (r) => r.approvedStrategy },
  { header: "override", value: (r) => r.isOverride },
  { header: "confidence", value: (r) => r.confidence },
  { header: "monthly_cost_usd", value: (r) => r.monthlyCostUsd },
  { header: "submitted_by", value: (r) => r.submitter },
  { header: "reviewed_by", value: (r) => r.reviewer },
  { header: "submitted_at", value: (r) => r.submittedAt.toISOString() },
  { header: "reviewed_at", value: (r) => r.reviewedAt?.toISOString() ?? null },
  { header: "engine_version", value: (r) => r.engineVersion },
  { header: "tags", value: (r) => r.tags.join(" ") },
  { header: "decision_id", value: (r) => r.id },
  { header: "use_case_id", value: (r) => r.useCaseId },
] as const satisfies readonly (ExportColumn<DecisionLogRow> & { value: (r: DecisionLogRow) => string | number | boolean | null })[];

export type ExportHeader = (typeof EXPORT_COLUMNS)[number]["header"];

