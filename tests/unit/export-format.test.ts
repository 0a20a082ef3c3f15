import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  chooseFormatMessage,
  csvField,
  csvHeader,
  csvRecord,
  csvRow,
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  FORMULA_TRIGGERS,
  isExportFormat,
  jsonLine,
  neutralizeFormula,
  UTF8_BOM,
  XLSX_CELL_MAX_CHARS,
  xlsxCell,
  type ExportColumn,
} from "~/lib/export/writers";
import { EXPORT_COLUMNS, type DecisionLogRow } from "~/features/decision-log/format";
import { createCrlfRecordTerminator, inlineParams, isoUtcSql, neutralizeFormulaSql } from "~/server/export/copy-csv";
import { requestIdFrom } from "~/server/request-id";
import { containsPattern, SqlWhere } from "~/server/sql";

describe("formula neutralisation", () => {
  it.each(["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"])("prefixes %j with a quote", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });
  it("leaves ordinary text alone", () => {
    expect(neutralizeFormula("Fraud scorer = good")).toBe("Fraud scorer = good");
    expect(neutralizeFormula("")).toBe("");
    expect(neutralizeFormula("'quoted")).toBe("'quoted");
    expect(neutralizeFormula(" =x")).toBe(" =x");
    expect(neutralizeFormula("\nx")).toBe("\nx");
  });
  it("is the same rule in PostgreSQL (the COPY path): the same characters, - last in the class", () => {
    expect(FORMULA_TRIGGERS).toEqual(["=", "+", "-", "@", "\t", "\r"]);
    expect(neutralizeFormulaSql("t.name")).toBe(`CASE WHEN t.name ~ E'^[=+@\\\\t\\\\r-]' THEN '''' || t.name ELSE t.name END`);
    expect(isoUtcSql("x")).toBe(`to_char(x AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  });
});

describe("CSV writer (RFC 4180)", () => {
  it("quotes only fields with a comma, quote or line break, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rinside")).toBe('"cr\rinside"');
  });
  it("neutralises before quoting, and writes null as nothing, dates as ISO 8601, objects as JSON", () => {
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField("\r=x")).toBe(`"'\r=x"`);
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(0)).toBe("0");
    expect(csvField(-1.5)).toBe("'-1.5");
    expect(csvField(false)).toBe("false");
    expect(csvField(new Date("2026-11-28T10:00:00Z"))).toBe("2026-11-28T10:00:00.000Z");
    expect(csvField({ a: [1, "x"] })).toBe('"{""a"":[1,""x""]}"');
  });
  it("ends every record with CRLF, header first, and parses back", () => {
    const columns: ExportColumn<{ name: string; n: number | null }>[] = [
      { header: "name", value: (r) => r.name },
      { header: "n", value: (r) => r.n },
    ];
    const text = csvHeader(columns) + csvRow(columns, { name: 'A, "quoted"\nname', n: 1 }) + csvRow(columns, { name: "@x", n: null });
    expect(text).toBe('name,n\r\n"A, ""quoted""\nname",1\r\n\'@x,\r\n');
    expect(parse(text, { columns: true })).toEqual([
      { name: 'A, "quoted"\nname', n: "1" },
      { name: "'@x", n: "" },
    ]);
    expect(csvRecord([])).toBe("\r\n");
  });
  it("keeps UTF-8 text as it is", () => {
    expect(csvRecord(["Zoë", "数据", "🚀"])).toBe("Zoë,数据,🚀\r\n");
  });
});

describe("JSON Lines writer", () => {
  it("writes one object per line keyed by the headers, values as they are (no neutralisation)", () => {
    const columns: ExportColumn<{ a: string; at: Date; p: unknown }>[] = [
      { header: "a", value: (r) => r.a },
      { header: "at", value: (r) => r.at },
      { header: "payload", value: (r) => r.p },
    ];
    const line = jsonLine(columns, { a: "=1\n2", at: new Date("2026-01-01T00:00:00Z"), p: { rows: 3 } });
    expect(line).toBe('{"a":"=1\\n2","at":"2026-01-01T00:00:00.000Z","payload":{"rows":3}}\n');
    expect(line.split("\n")).toHaveLength(2);
  });
  it("writes a decision as the log's columns, in order, with its values as stored", () => {
    const row: DecisionLogRow = {
      id: "dv1",
      useCaseId: "uc1",
      title: "=Fraud scorer",
      team: "Payments",
      number: 3,
      status: "APPROVED",
      recommended: "realtime",
      approvedStrategy: "async",
      isOverride: true,
      confidence: 0.72,
      monthlyCostUsd: 1234.5,
      submitter: "Maya Chen",
      reviewer: "Rui Alves",
      submittedAt: new Date("2026-11-28T10:00:00Z"),
      reviewedAt: new Date("2026-11-29T09:30:00Z"),
      engineVersion: "1.0.0",
      tags: ["fraud", "checkout"],
    };
    expect(JSON.parse(jsonLine(EXPORT_COLUMNS, row))).toStrictEqual({
      use_case: "=Fraud scorer",
      team: "Payments",
      version: 3,
      status: "APPROVED",
      recommended_strategy: "realtime",
      approved_strategy: "async",
      override: true,
      confidence: 0.72,
      monthly_cost_usd: 1234.5,
      submitted_by: "Maya Chen",
      reviewed_by: "Rui Alves",
      submitted_at: "2026-11-28T10:00:00.000Z",
      reviewed_at: "2026-11-29T09:30:00.000Z",
      engine_version: "1.0.0",
      tags: "fraud checkout",
      decision_id: "dv1",
      use_case_id: "uc1",
    });
    expect(Object.keys(JSON.parse(jsonLine(EXPORT_COLUMNS, row)) as object)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const pending = { ...row, approvedStrategy: null, isOverride: false, monthlyCostUsd: null, reviewer: null, reviewedAt: null, tags: [] };
    expect(JSON.parse(jsonLine(EXPORT_COLUMNS, pending))).toMatchObject({ approved_strategy: null, override: false, monthly_cost_usd: null, reviewed_by: null, reviewed_at: null, tags: "" });
  });

  it("writes an explicit 'none feasible' when the engine recommended nothing (2.0.0), in both formats", () => {
    const row: DecisionLogRow = {
      id: "dv2", useCaseId: "uc2", title: "Search ranking", team: "Search", number: 1, status: "SUBMITTED", recommended: null, approvedStrategy: null,
      isOverride: false, confidence: 0.4, monthlyCostUsd: null, submitter: "Maya Chen", reviewer: null, submittedAt: new Date("2026-12-01T10:00:00Z"),
      reviewedAt: null, engineVersion: "2.0.0", tags: [],
    };
    expect(JSON.parse(jsonLine(EXPORT_COLUMNS, row))).toMatchObject({ recommended_strategy: "none feasible", approved_strategy: null });
    expect(csvRecord(EXPORT_COLUMNS.map((c) => c.value(row)))).toContain(",none feasible,");
  });
  it("knows its formats and the media type each is downloaded as", () => {
    expect(EXPORT_FORMATS).toEqual(["csv", "jsonl", "xlsx"]);
    expect(EXPORT_MEDIA_TYPES).toEqual({
      csv: "text/csv; charset=utf-8",
      jsonl: "application/x-ndjson; charset=utf-8",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(isExportFormat("csv") && isExportFormat("jsonl") && isExportFormat("xlsx")).toBe(true);
    expect(isExportFormat("xls") || isExportFormat(null) || isExportFormat("CSV")).toBe(false);
    expect(chooseFormatMessage(["csv", "jsonl"])).toBe("Choose csv or jsonl.");
    expect(chooseFormatMessage(["csv", "jsonl", "xlsx"])).toBe("Choose csv, jsonl or xlsx.");
  });

  it("turns values into typed .xlsx cells, text neutralised like CSV", () => {
    const when = new Date("2026-03-04T05:06:07.000Z");
    expect(xlsxCell(3)).toBe(3);
    expect(xlsxCell(0.82)).toBe(0.82);
    expect(xlsxCell(Number.NaN)).toBeNull();
    expect(xlsxCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(xlsxCell(true)).toBe(true);
    expect(xlsxCell(false)).toBe(false);
    expect(xlsxCell(when)).toBe(when);
    expect(xlsxCell(new Date("not a date"))).toBeNull();
    expect(xlsxCell(null)).toBeNull();
    expect(xlsxCell(undefined)).toBeNull();
    for (const trigger of FORMULA_TRIGGERS) expect(xlsxCell(`${trigger}SUM(A1)`)).toBe(`'${trigger}SUM(A1)`);
    expect(xlsxCell("Ünïcødé “quotes”")).toBe("Ünïcødé “quotes”");
    expect(xlsxCell({ a: 1 })).toBe('{"a":1}');
    expect(xlsxCell("x".repeat(40_000))).toHaveLength(XLSX_CELL_MAX_CHARS);
    expect(UTF8_BOM).toBe("\uFEFF");
    expect(Buffer.from(UTF8_BOM)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("CRLF record terminator (the COPY path)", () => {
  it("ends records with CRLF but keeps line breaks inside quoted fields, across chunk boundaries", () => {
    const csv = 'a,b\n"line one\nline two",x\n"say ""hi""",y\n';
    const terminate = createCrlfRecordTerminator();
    const bytes = Buffer.from(csv);
    // Feed it in 3-byte chunks to cross every boundary.
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) out.push(terminate(bytes.subarray(i, i + 3)));
    const text = Buffer.concat(out).toString();
    expect(text).toBe('a,b\r\n"line one\nline two",x\r\n"say ""hi""",y\r\n');
    expect(parse(text, { columns: true })).toEqual([
      { a: "line one\nline two", b: "x" },
      { a: 'say "hi"', b: "y" },
    ]);
    expect(terminate.records).toBe(3);
  });
  it("gives the same bytes whatever the chunking, and counts every record once", () => {
    const csv = Buffer.from('h1,h2\n"a\n\nb",""""\n,\n"x,""\ny""",z\n'.repeat(50));
    const whole = createCrlfRecordTerminator();
    const expected = whole(csv);
    for (const size of [1, 2, 5, 7, 64]) {
      const terminate = createCrlfRecordTerminator();
      const parts: Buffer[] = [];
      for (let i = 0; i < csv.length; i += size) parts.push(terminate(csv.subarray(i, i + size)));
      expect(Buffer.concat(parts).equals(expected)).toBe(true);
      expect(terminate.records).toBe(200);
    }
    expect(whole.records).toBe(200);
    expect(expected.toString().split("\r\n")).toHaveLength(201);
  });
  it("does not double a CR already there, even across chunks, and passes chunks without record ends unchanged", () => {
    const terminate = createCrlfRecordTerminator();
    expect(terminate(Buffer.from("a\r")).toString()).toBe("a\r");
    expect(terminate(Buffer.alloc(0)).toString()).toBe(""); // an empty chunk between CR and LF
    expect(terminate(Buffer.from("\nb\n")).toString()).toBe("\nb\r\n");
    expect(terminate(Buffer.from("c\r\nd\n")).toString()).toBe("c\r\nd\r\n");
    const plain = Buffer.from("no record end");
    expect(terminate(plain)).toBe(plain);
    expect(terminate.records).toBe(4);
  });
});

describe("COPY's inlined parameters", () => {
  const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
  it("inlines numbers and booleans as such, quotes the rest, dates as ISO 8601", () => {
    expect(inlineParams("a = $1 AND b = $2 AND c = $3 AND d = $4 AND e = $5", [1.5, true, "O'Brien", new Date("2026-01-01T00:00:00Z"), null], quote)).toBe(
      "a = 1.5 AND b = true AND c = 'O''Brien' AND d = '2026-01-01T00:00:00.000Z' AND e = NULL",
    );
  });
  it("replaces $10 as one placeholder, and refuses a placeholder without a value", () => {
    const values = Array.from({ length: 10 }, (_, i) => 101 + i);
    expect(inlineParams("$1, $10", values, quote)).toBe("101, 110");
    expect(() => inlineParams("$2", [1], quote)).toThrow(/no value for \$2/);
    expect(() => inlineParams("$0", [1], quote)).toThrow(/no value for \$0/);
  });
  it("quotes a non-finite number rather than writing it as SQL, and writes a missing value as NULL", () => {
    expect(inlineParams("$1", [Number.NaN], quote)).toBe("'NaN'");
    expect(inlineParams("$1", [undefined], quote)).toBe("NULL");
  });
});

describe("the shared WHERE builder", () => {
  it("numbers parameters in order and joins conditions with AND", () => {
    const sql = new SqlWhere();
    expect(sql.text).toBe("");
    sql.and(`a = ${sql.param("x")}`).and(`b = ${sql.param(2)}`);
    expect(sql.query((where) => `SELECT 1 FROM t ${where} LIMIT ${sql.param(5)}`)).toEqual({ text: "SELECT 1 FROM t WHERE a = $1 AND b = $2 LIMIT $3", values: ["x", 2, 5] });
  });
  it("turns a date range into half-open UTC bounds on the column", () => {
    expect(new SqlWhere().dateRange(`"at"`, { from: "2026-01-01", to: "2026-01-31" }).query((w) => w)).toEqual({
      text: `WHERE "at" >= $1::timestamptz AND "at" < $2::timestamptz`,
      values: ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"],
    });
    expect(new SqlWhere().dateRange(`"at"`, {}).text).toBe("");
  });
  it("escapes LIKE's wildcards in a contains pattern", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("request ids", () => {
  it("keeps a client's id only when short and plain; otherwise makes one", () => {
    expect(requestIdFrom("req-123_abc.9:x")).toBe("req-123_abc.9:x");
    expect(requestIdFrom("x".repeat(80))).toBe("x".repeat(80));
    for (const bad of ["x".repeat(81), "x".repeat(200), "has space", "nul\u0000", "é", "", null, undefined]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});
