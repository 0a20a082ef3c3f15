/**
 * The streaming .xlsx writer's memory bound: while its consumer takes nothing, `room()` stops
 * resolving once a few megabytes wait (the rows are held back in the database cursor instead of
 * piling up in the zip, as they did when exceljs's zip entry went unwatched), and resumes when the
 * consumer reads; the workbook is then whole.
 */
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ExportColumn } from "~/lib/export/writers";
import { openXlsxWriter } from "~/server/export/xlsx";

interface Row {
  n: number;
  text: string;
  at: Date;
}

const COLUMNS: ExportColumn<Row>[] = [
  { header: "n", value: (r) => r.n },
  { header: "text", value: (r) => r.text, xlsx: { width: 60 } },
  { header: "at", value: (r) => r.at },
];

// Text that barely compresses, so the zip's output grows as fast as its input shrinks.
const row = (n: number): Row => ({ n, text: `row ${n}: ${randomBytes(300).toString("base64")}`, at: new Date(Date.UTC(2026, 0, 1) + n * 60_000) });

/** "blocked" when `room()` has not resolved within `ms`. */
const roomOrBlocked = (room: Promise<void>, ms: number) => Promise.race([room.then(() => "room" as const), new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), ms))]);

describe("the streaming .xlsx writer", () => {
  it("waits for its consumer instead of buffering the sheet, then completes the workbook", async () => {
    const out = new PassThrough();
    const sheet = openXlsxWriter(out, COLUMNS, "Rows");
    // ~560 bytes of sheet XML a row: 4 MB wait after ~7,500 rows, once the zip's output holds them.
    const LIMIT = 60_000;
    let added = 0;
    let state: "room" | "blocked" = "room";
    while (added < LIMIT && state === "room") {
      for (let i = 0; i < 100; i++) sheet.add(row(++added));
      state = await roomOrBlocked(sheet.room(), 1000);
    }
    expect(state, "room() kept resolving with nobody reading").toBe("blocked");
    expect(added).toBeLessThan(30_000);

    // A consumer arrives: room again, and the rest of the rows go through.
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => out.on("end", resolve));
    expect(await roomOrBlocked(sheet.room(), 10_000)).toBe("room");
    for (let i = 0; i < 500; i++) sheet.add(row(++added));
    await sheet.finish();
    await ended;

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const read = book.worksheets[0]!;
    expect(read.actualRowCount).toBe(added + 1);
    expect(read.getRow(added + 1).getCell(1).value).toBe(added);
    expect((read.getRow(2).getCell(3).value as Date).toISOString()).toBe(row(1).at.toISOString());
  }, 60_000);
});
