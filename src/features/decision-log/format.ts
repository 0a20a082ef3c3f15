/**
 * Export formatting, pure: spreadsheet-formula neutralisation and the export columns.
 * A cell a spreadsheet would run as a formula (leading =, +, -, @, tab or carriage
 * return) is prefixed with a single quote, so it is shown as text.
 */
const DANGEROUS_LEADING = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return DANGEROUS_LEADING.test(value) ? `'${value}` : value;
}

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
  monthlyCostUsd: number | null;
  submitter: string;
  reviewer: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  engineVersion: string;
  tags: string[];
}

export const EXPORT_COLUMNS: { key: string; header: string; value: (r: DecisionLogRow) => string | number | boolean | null }[] = [
  { key: "use_case", header: "use_case", value: (r) => r.title },
  { key: "team", header: "team", value: (r) => r.team },
  { key: "version", header: "version", value: (r) => r.number },
  { key: "status", header: "status", value: (r) => r.status },
  { key: "recommended", header: "recommended_strategy", value: (r) => r.recommended },
  { key: "approved", header: "approved_strategy", value: (r) => r.approvedStrategy },
  { key: "override", header: "override", value: (r) => r.isOverride },
  { key: "confidence", header: "confidence", value: (r) => r.confidence },
  { key: "cost", header: "monthly_cost_usd", value: (r) => r.monthlyCostUsd },
  { key: "submitter", header: "submitted_by", value: (r) => r.submitter },
  { key: "reviewer", header: "reviewed_by", value: (r) => r.reviewer },
  { key: "submittedAt", header: "submitted_at", value: (r) => r.submittedAt.toISOString() },
  { key: "reviewedAt", header: "reviewed_at", value: (r) => r.reviewedAt?.toISOString() ?? null },
  { key: "engine", header: "engine_version", value: (r) => r.engineVersion },
  { key: "tags", header: "tags", value: (r) => r.tags.join(" ") },
  { key: "id", header: "decision_id", value: (r) => r.id },
  { key: "useCaseId", header: "use_case_id", value: (r) => r.useCaseId },
];


/** One JSON Lines record, for scripts: values exactly as stored (JSON is not run as formulas). */
export function jsonRecord(row: DecisionLogRow): Record<string, string | number | boolean | null> {
  return Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.header, c.value(row)]));
}

/**
 * PostgreSQL's CSV writer ends records with LF; RFC 4180 wants CRLF. This stateful pass turns
 * every record-ending LF (one outside a quoted field) into CRLF, leaving line breaks inside
 * quoted values untouched. Works across chunk boundaries.
 */
export function createCrlfRecordTerminator() {
  let inQuotes = false;
  return (chunk: Buffer): Buffer => {
    const parts: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x22) inQuotes = !inQuotes;
      else if (byte === 0x0a && !inQuotes && (i === 0 ? true : chunk[i - 1] !== 0x0d)) {
        parts.push(chunk.subarray(start, i), CRLF);
        start = i + 1;
      }
    }
    parts.push(chunk.subarray(start));
    return Buffer.concat(parts);
  };
}
const CRLF = Buffer.from("\r\n");
