/**
 * The fast CSV path: PostgreSQL writes the CSV itself (`COPY (SELECT …) TO STDOUT WITH (FORMAT csv,
 * HEADER)`, its own RFC 4180 writer, near `psql \copy` speed). What that needs around it: the
 * formula neutralisation as SQL (the same triggers as the JS writer), the bind parameters inlined
 * (COPY takes none) and PostgreSQL's LF record ends turned into CRLF.
 */
import { FORMULA_TRIGGERS } from "~/lib/export/writers";

const SQL_CLASS_ESCAPES: Record<string, string> = { "\t": "\\t", "\r": "\\r" };

/** `^[=+@\t\r-]` as a PostgreSQL regular expression (`-` last in the class, tab and CR escaped). */
const FORMULA_PATTERN_SQL = `E'^[${[...FORMULA_TRIGGERS]
  .sort((a, b) => Number(a === "-") - Number(b === "-"))
  .map((c) => (SQL_CLASS_ESCAPES[c] ?? c).replaceAll("\\", "\\\\"))
  .join("")}]'`;

/** A text expression as a CSV-safe cell: one that starts with a formula trigger gets a `'` in front (neutralizeFormula in SQL). */
export function neutralizeFormulaSql(expr: string): string {
  return `CASE WHEN ${expr} ~ ${FORMULA_PATTERN_SQL} THEN '''' || ${expr} ELSE ${expr} END`;
}

/** A timestamptz expression as ISO 8601 in UTC with milliseconds, as `Date.toISOString()` writes it. */
export function isoUtcSql(expr: string): string {
  return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The statement with its `$n` placeholders replaced by literals: numbers and booleans as such, the rest quoted by `quote`. */
export function inlineParams(text: string, values: readonly unknown[], quote: (value: string) => string): string {
  return text.replace(/\$(\d+)/g, (placeholder, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= values.length) throw new Error(`inlineParams: no value for ${placeholder}`);
    const value = values[index];
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "boolean") return String(value);
    if (value === null || value === undefined) return "NULL";
    return quote(value instanceof Date ? value.toISOString() : String(value));
  });
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * PostgreSQL's CSV writer ends records with LF; RFC 4180 wants CRLF. This stateful pass turns every
 * record-ending LF (one outside a quoted field) into CRLF, leaving line breaks inside quoted values
 * alone, across chunk boundaries, and counts the records it has ended (the header included).
 * It jumps from quote to line feed with `indexOf` and copies each chunk once.
 */
export function createCrlfRecordTerminator(): { (chunk: Buffer): Buffer; readonly records: number } {
  let inQuotes = false;
  let previous = -1;
  let records = 0;
  const ends: number[] = [];
  const terminate = (chunk: Buffer): Buffer => {
    ends.length = 0;
    let nextQuote = chunk.indexOf(QUOTE);
    for (let i = 0; i < chunk.length; ) {
      if (inQuotes) {
        if (nextQuote < 0) break;
        inQuotes = false;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      const lf = chunk.indexOf(LF, i);
      if (nextQuote >= 0 && (lf < 0 || nextQuote < lf)) {
        inQuotes = true;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      if (lf < 0) break;
      records++;
      if ((lf === 0 ? previous : chunk[lf - 1]) !== CR) ends.push(lf);
      i = lf + 1;
    }
    if (chunk.length > 0) previous = chunk[chunk.length - 1]!;
    if (ends.length === 0) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let from = 0;
    let to = 0;
    for (const lf of ends) {
      to += chunk.copy(out, to, from, lf);
      out[to++] = CR;
      from = lf;
    }
    chunk.copy(out, to, from);
    return out;
  };
  return Object.defineProperty(terminate, "records", { get: () => records }) as typeof terminate & { readonly records: number };
}
