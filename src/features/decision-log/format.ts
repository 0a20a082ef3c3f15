/**
 * The decision log's export columns and formats, pure (the writers are src/lib/export's: CSV with
 * formula neutralisation, JSON Lines, .xlsx cells). The CSV goes through PostgreSQL's COPY, whose SELECT (queries.ts)
 * computes the same columns in the same order.
 */
import { NO_FEASIBLE_SHORT } from "~/engine/strategies";
import { XLSX_DATE_FORMAT, type ExportColumn, type ExportFormat } from "~/lib/export/writers";

export interface DecisionLogRow {
  id: string;
  useCaseId: string;
  title: string;
  team: string;
  number: number;
  status: string;
  /** null: the engine found no feasible strategy (2.0.0); exported as NO_FEASIBLE_SHORT. */
  recommended: string | null;
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

/** The formats the decision log exports (the page's buttons and the endpoint). */
export const DECISION_LOG_EXPORT_FORMATS = ["csv", "jsonl", "xlsx"] as const satisfies readonly ExportFormat[];

const DATE_TIME = { width: 20, numFmt: XLSX_DATE_FORMAT };

/** The columns of every format, in order (CSV headers, JSON Lines keys, .xlsx header row; widths and number formats for .xlsx). */
export const EXPORT_COLUMNS = [
  { header: "use_case", value: (r) => r.title, xlsx: { width: 40 } },
  { header: "team", value: (r) => r.team, xlsx: { width: 24 } },
  // Not 9: that is exceljs's default width, which its reader leaves out.
  { header: "version", value: (r) => r.number, xlsx: { width: 10, numFmt: "0" } },
  { header: "status", value: (r) => r.status, xlsx: { width: 19 } },
  { header: "recommended_strategy", value: (r) => r.recommended ?? NO_FEASIBLE_SHORT, xlsx: { width: 22 } },
  { header: "approved_strategy", value: (r) => r.approvedStrategy, xlsx: { width: 19 } },
  { header: "override", value: (r) => r.isOverride, xlsx: { width: 10 } },
  { header: "confidence", value: (r) => r.confidence, xlsx: { width: 12, numFmt: "0%" } },
  { header: "monthly_cost_usd", value: (r) => r.monthlyCostUsd, xlsx: { width: 18, numFmt: "#,##0.00" } },
  { header: "submitted_by", value: (r) => r.submitter, xlsx: { width: 22 } },
  { header: "reviewed_by", value: (r) => r.reviewer, xlsx: { width: 22 } },
  { header: "submitted_at", value: (r) => r.submittedAt, xlsx: DATE_TIME },
  { header: "reviewed_at", value: (r) => r.reviewedAt, xlsx: DATE_TIME },
  { header: "engine_version", value: (r) => r.engineVersion, xlsx: { width: 15 } },
  { header: "tags", value: (r) => r.tags.join(" "), xlsx: { width: 30 } },
  { header: "decision_id", value: (r) => r.id, xlsx: { width: 27 } },
  { header: "use_case_id", value: (r) => r.useCaseId, xlsx: { width: 27 } },
] as const satisfies readonly (ExportColumn<DecisionLogRow> & { value: (r: DecisionLogRow) => string | number | boolean | Date | null })[];

export type ExportHeader = (typeof EXPORT_COLUMNS)[number]["header"];

