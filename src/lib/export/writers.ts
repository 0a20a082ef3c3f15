/**
 * The export writers, pure and shared by every export (decision log, audit trail): the formats,
 * spreadsheet-formula neutralisation, RFC 4180 CSV records, JSON Lines records and .xlsx cell
 * values (the workbook itself is streamed by src/server/export/xlsx.ts). The streaming,
 * the snapshot, the row count and the audit event are src/server/export's.
 */

export const EXPORT_FORMATS = ["csv", "jsonl", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return (EXPORT_FORMATS as readonly unknown[]).includes(value);
}

/** "Choose csv or jsonl.", "Choose csv, jsonl or xlsx.": the refusal of a format an export does not offer. */
export function chooseFormatMessage(formats: readonly ExportFormat[]): string {
  return `Choose ${formats.length > 1 ? `${formats.slice(0, -1).join(", ")} or ${formats.at(-1)}` : formats.join("")}.`;
}

/**
 * The UTF-8 byte-order mark that starts a CSV download, so a spreadsheet opened with a
 * double-click reads the file as UTF-8 (without it Excel and LibreOffice guess a legacy charset:
 * "Ünïcødé" arrives as "ÃœnÃ¯cÃ¸dÃ©"). Scripts ask for `bom=false`.
 */
export const UTF8_BOM = "\uFEFF";

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
  /** The .xlsx column: its width in characters (else fitted to the header) and number format (dates get one by default). */
  xlsx?: { width?: number; numFmt?: string };
}

/** Excel's limit on the characters of one cell. */
export const XLSX_CELL_MAX_CHARS = 32_767;

/** The number format of date cells in an .xlsx export (times are UTC, as in the other formats). */
export const XLSX_DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";

/**
 * A value as a typed .xlsx cell: numbers, booleans and dates stay typed (a number that is not
 * finite is left empty); text is formula-neutralised exactly like CSV (the library writes text
 * cells, never formulas, and the `'` keeps a cell from turning into one when it is edited or
 * saved as CSV) and cut at Excel's 32,767-character limit; objects become JSON text.
 */
export function xlsxCell(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return neutralizeFormula(cellText(value)).slice(0, XLSX_CELL_MAX_CHARS);
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
