/**
 * The decision log's spreadsheet downloads through the export endpoint, against real PostgreSQL:
 * the CSV starts with a UTF-8 byte-order mark (a double-click opens it as UTF-8) unless a script
 * asks for `bom=false`, and the .xlsx — read back with exceljs — has typed cells, a frozen header
 * row, column widths, no formula anywhere (hostile titles neutralised as in the CSV), exactly
 * X-Row-Count rows, and is on the audit trail before its first byte.
 */
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportDecisionLog } from "~/app/api/export/decision-log/route";
import { EXAMPLE_ANSWERS, assess } from "~/engine";
import { EXPORT_COLUMNS } from "~/features/decision-log/format";
import { db } from "~/server/db";
import { callerFor, makeTeam, makeUser, uniqueSuffix } from "./helpers";

const PASSWORD = "xlsx-export-pass";
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HOSTILE_TITLES = ["=HYPERLINK(\"http://evil.test\",\"x\")", "+1+2 cmd", "-3 minus", "@SUM(A1:A2)", "=cmd|' /C calc'!A0"];
const UNICODE_TITLE = "Ünïcødé “quotes”";

let tag: string;
let member: Awaited<ReturnType<typeof makeUser>>;
let reviewer: Awaited<ReturnType<typeof makeUser>>;
let overrideStrategy: string;

function get(query: string, headers: Record<string, string> = {}) {
  const authorization = `Basic ${Buffer.from(`${member.email}:${PASSWORD}`).toString("base64")}`;
  return exportDecisionLog(new Request(`http://x/api/export/decision-log?q=${tag}&${query}`, { headers: { authorization, ...headers } }));
}

async function workbook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

beforeAll(async () => {
  tag = `xlsx-${uniqueSuffix()}`;
  const team = await makeTeam("Xlsx");
  member = await makeUser({ password: PASSWORD, teamSlugs: [team.slug] });
  reviewer = await makeUser({ role: "REVIEWER" });
  const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
  const assessment = assess(fraud);
  overrideStrategy = assessment.ranking.find((r) => r.feasible && r.strategy !== assessment.recommended)!.strategy;
  for (const title of [UNICODE_TITLE, ...HOSTILE_TITLES]) {
    const { id } = await callerFor(member).useCase.create({ teamId: team.id, title, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [tag] });
    await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud });
    if (title === UNICODE_TITLE) {
      await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE", approvedStrategy: overrideStrategy as never, comment: "Reviewed override" });
    }
  }
});

describe("CSV for spreadsheets and for scripts", () => {
  it("starts with the UTF-8 byte-order mark by default, so a spreadsheet reads the accents and curly quotes", async () => {
    const response = await get("format=csv");
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    expect(bytes.subarray(3, 3 + EXPORT_COLUMNS[0].header.length).toString()).toBe(EXPORT_COLUMNS[0].header);
    const rows = parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(Number(response.headers.get("x-row-count")));
    expect(rows.map((r) => r.use_case)).toContain(UNICODE_TITLE);
    expect(await get("format=csv&bom=true").then(async (r) => Buffer.from(await r.arrayBuffer()).subarray(0, 3))).toEqual(BOM);
  });

  it("leaves it out with bom=false, and never puts one in JSON Lines", async () => {
    const plain = Buffer.from(await (await get("format=csv&bom=false")).arrayBuffer());
    expect(plain.subarray(0, EXPORT_COLUMNS[0].header.length).toString()).toBe(EXPORT_COLUMNS[0].header);
    expect(plain.includes(BOM)).toBe(false);
    const jsonl = Buffer.from(await (await get("format=jsonl")).arrayBuffer());
    expect(jsonl[0]).toBe("{".charCodeAt(0));
  });
});

describe("the Excel workbook", () => {
  it("is audited before its first byte, and holds X-Row-Count rows of typed cells under a frozen header, with no formula", async () => {
    const before = await db.auditEvent.findFirst({ where: { action: "DECISION_LOG_EXPORTED", actorId: member.id }, orderBy: { seq: "desc" } });
    const response = await get("format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="servewise-decision-log-\d{8}\.xlsx"/);
    const rowCount = Number(response.headers.get("x-row-count"));
    expect(rowCount).toBe(1 + HOSTILE_TITLES.length);

    // On the record before any byte is read, with the same count.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "DECISION_LOG_EXPORTED", actorId: member.id }, orderBy: { seq: "desc" } });
    expect(event.seq).toBeGreaterThan(before?.seq ?? 0n);
    expect(event.payload).toEqual({ format: "xlsx", filter: { q: tag }, rows: rowCount });
    expect(response.headers.get("x-request-id")).toBe(event.requestId);

    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a zip, as .xlsx is
    const book = await workbook(bytes);
    expect(book.worksheets).toHaveLength(1);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("Decision log");
    expect(sheet.actualRowCount - 1).toBe(rowCount);

    // The header row: the columns' names, bold, frozen (rows scroll under it), with a filter; widths set.
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => c.header)]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    EXPORT_COLUMNS.forEach((c, i) => expect(sheet.getColumn(i + 1).width, c.header).toBe(c.xlsx.width));

    // No cell anywhere is a formula.
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, cell.address).toBeUndefined();
      }),
    );

    const col = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.header, i + 1]));
    const rows = Array.from({ length: rowCount }, (_, i) => sheet.getRow(i + 2));
    const byTitle = new Map(rows.map((r) => [String(r.getCell(col.use_case!).value), r]));

    // Text that a spreadsheet would run is neutralised exactly as in the CSV.
    for (const title of HOSTILE_TITLES) expect(byTitle.has(`'${title}`), title).toBe(true);
    const csv = parse((await (await get("format=csv&bom=false")).text()), { columns: true }) as Record<string, string>[];
    expect(new Set(csv.map((r) => r.use_case))).toEqual(new Set(byTitle.keys()));

    // Typed cells: numbers, booleans, dates (with a date format), text.
    const approved = byTitle.get(UNICODE_TITLE)!;
    const cell = (name: string) => approved.getCell(col[name]!);
    expect(cell("version").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("version").value).toBe(1);
    expect(cell("confidence").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("confidence").numFmt).toBe("0%");
    expect(cell("monthly_cost_usd").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("override").type).toBe(ExcelJS.ValueType.Boolean);
    expect(cell("override").value).toBe(true);
    expect(cell("approved_strategy").value).toBe(overrideStrategy);
    expect(cell("status").value).toBe("APPROVED");
    for (const name of ["submitted_at", "reviewed_at"]) {
      expect(cell(name).type, name).toBe(ExcelJS.ValueType.Date);
      expect(cell(name).numFmt, name).toBe("yyyy-mm-dd hh:mm:ss");
    }
    const version = await db.decisionVersion.findFirstOrThrow({ where: { useCase: { title: UNICODE_TITLE, tags: { has: tag } } } });
    expect((cell("submitted_at").value as Date).toISOString()).toBe(version.submittedAt.toISOString());
    expect((cell("reviewed_at").value as Date).toISOString()).toBe(version.reviewedAt!.toISOString());
    expect(cell("decision_id").value).toBe(version.id);
    // A version nobody reviewed: its reviewer and review time are empty, its override false.
    const pending = byTitle.get(`'${HOSTILE_TITLES[0]}`)!;
    expect(pending.getCell(col.reviewed_at!).value).toBeNull();
    expect(pending.getCell(col.override!).value).toBe(false);
  });

  it("holds exactly what the filter shows, and an empty filter result is a header-only workbook", async () => {
    const book = await workbook(Buffer.from(await (await get("format=xlsx&status=APPROVED")).arrayBuffer()));
    expect(book.worksheets[0]!.actualRowCount - 1).toBe(1);
    const empty = await get("format=xlsx&status=REJECTED");
    expect(empty.headers.get("x-row-count")).toBe("0");
    const emptyBook = await workbook(Buffer.from(await empty.arrayBuffer()));
    expect(emptyBook.worksheets[0]!.actualRowCount).toBe(1);
  });
});
