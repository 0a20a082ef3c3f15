import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { xlsxCell, XLSX_DATE_FORMAT, type ExportColumn } from "~/lib/export/writers";

/**
 * An .xlsx workbook streamed with exceljs's streaming writer (`stream.xlsx.WorkbookWriter`, pinned
 * in package.json): one sheet, the header row bold and frozen with a filter on it, column widths,
 * typed cells (xlsxCell: numbers, booleans, dates; text formula-neutralised like CSV; no cell is
 * ever a formula) and no shared-strings table, so each row is written and forgotten — memory stays
 * flat at any row count as long as the caller waits for `room()` now and then. exceljs's sheet
 * stream ignores backpressure (its StreamBuf never looks at what its zip entry's write() returns), so `room()` measures
 * what waits on the way out — in the sheet's buffers, the zip entry's input, archiver's output and
 * the consumer's stream — and holds the rows back while that exceeds MAX_PENDING_BYTES.
 */
export interface XlsxSheetWriter<Row> {
  add(row: Row): void;
  /** Resolves when the bytes written but not yet taken by the consumer are below a limit again. */
  room(): Promise<void>;
  /** Ends the sheet and the workbook; the output stream ends when the zip's last byte is written. */
  finish(): Promise<void>;
}

/**
 * Bytes allowed to wait between the rows and the consumer (uncompressed sheet XML, about 750 bytes
 * a decision-log row, plus the zip's compressed output not yet taken): enough that the zip's
 * deflate, on the thread pool, always has work while the rows are being written.
 */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
/** How often a writer that waits for room looks again. */
const ROOM_POLL_MS = 1;

const PLAIN: Partial<ExcelJS.Style> = {};
const DATE: Partial<ExcelJS.Style> = { numFmt: XLSX_DATE_FORMAT };
const HEADER: Partial<ExcelJS.Style> = { font: { bold: true } };

/**
 * What exceljs's streaming sheet exposes of its output (exceljs 4.4.0): its StreamBuf's buffers,
 * and the stream it is piped to — archiver-utils' PassThrough (readable-stream 2, which has no
 * `writableLength`: its `_writableState`/`_readableState` hold the bytes the zip's deflate has not
 * taken yet; this is where an unwatched sheet piles up).
 */
interface SheetStream {
  buffers?: readonly { length: number }[];
  pipes?: readonly QueuedStream[];
}
interface QueuedStream {
  writableLength?: number;
  readableLength?: number;
  _writableState?: { length: number };
  _readableState?: { length: number };
}

/** Bytes held in a stream's two buffers, whichever streams implementation it comes from. */
function queued(stream: QueuedStream): number {
  return (stream.writableLength ?? stream._writableState?.length ?? 0) + (stream.readableLength ?? stream._readableState?.length ?? 0);
}

export function openXlsxWriter<Row>(out: Writable & { readableLength?: number }, columns: readonly ExportColumn<Row>[], sheetName: string): XlsxSheetWriter<Row> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const zip = (book as unknown as { zip: QueuedStream }).zip;
  const sheet = book.addWorksheet(sheetName, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: c.xlsx?.width ?? Math.max(10, c.header.length + 2) }));
  // One style object per column, shared by its cells: exceljs caches a style's id by object, so
  // this costs one lookup a cell (a fresh object per cell made the export three times slower).
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => (c.xlsx?.numFmt ? { numFmt: c.xlsx.numFmt } : PLAIN));
  const header = sheet.getRow(1);
  header.eachCell((cell) => {
    cell.style = HEADER;
  });
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const pending = () => {
    const stream = (sheet as unknown as { stream?: SheetStream }).stream;
    const buffered = stream?.buffers?.reduce((n, b) => n + b.length, 0) ?? 0;
    const entry = stream?.pipes?.reduce((n, p) => n + queued(p), 0) ?? 0;
    return buffered + entry + queued(zip) + queued(out);
  };

  return {
    add(row) {
      const cells = columns.map((c) => xlsxCell(c.value(row)));
      const added = sheet.addRow(cells);
      cells.forEach((value, i) => {
        // A date in a column without a number format would show as a serial number.
        added.getCell(i + 1).style = value instanceof Date && styles[i] === PLAIN ? DATE : styles[i]!;
      });
      added.commit();
    },
    async room() {
      // Always let the event loop turn once: the zip compresses and the consumer reads there.
      await new Promise((resolve) => setImmediate(resolve));
      while (pending() > MAX_PENDING_BYTES && !out.destroyed) await new Promise((resolve) => setTimeout(resolve, ROOM_POLL_MS));
    },
    async finish() {
      sheet.commit();
      await book.commit();
    },
  };
}
