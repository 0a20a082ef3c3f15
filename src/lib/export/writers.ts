/**
 * The export writers, pure and shared by every export (decision log, audit trail): the formats,
 * spreadsheet-formula neutralisation, RFC 4180 CSV records and JSON Lines records. The streaming,
 * the snapshot, the row count and the audit event are src/server/export's.
 */

export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return (EXPORT_FORMATS as readonly unknown[]).includes(value);
}

/**
 * The characters a spreadsheet may run as the start of a formula: =, +, -, @, tab and carriage
 * return. A CSV cell starting with one gets a single quote in front, so it is shown as text.
 * (PostgreSQL's side of the same rule, for the COPY path, is built from this list.)
 */
export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"] as const;

export function neutralizeFormula(value: string): string {
  return (FORMULA_TRIGGERS as readonly string[]).includes(value.charAt(0)) ? `'${value}` : value;
}

/** One column of an export: its header, and its value in a record. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => unknown;
}

/** A value as CSV text (before quoting): nothing for null, ISO 8601 for dates, JSON for objects. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: formula-neutralised, quoted (quotes doubled) when it holds a comma, quote or line break. */
export function csvField(value: unknown): string {
  const text = neutralizeFormula(cellText(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record (RFC 4180), ending in CRLF. */
export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The CSV header record of some columns. */
export function csvHeader(columns: readonly ExportColumn<never>[]): string {
  return csvRecord(columns.map((c) => c.header));
}

/** A row's CSV record, in the columns' order. */
export function csvRow<Row>(columns: readonly ExportColumn<Row>[], row: Row): string {
  return csvRecord(columns.map((c) => c.value(row)));
}

/**
 * A row's JSON Lines record: one object keyed by the headers, values as they are (JSON is not run
 * as formulas, so nothing is neutralised; dates become ISO 8601 strings), ending in LF.
 */
export function jsonLine<Row>(columns: readonly ExportColumn<Row>[], row: Row): string {
  return `${JSON.stringify(Object.fromEntries(columns.map((c) => [c.header, c.value(row)])))}\n`;
}
