import "server-only";
import { PassThrough, Transform, type Readable } from "node:stream";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import QueryStream from "pg-query-stream";
import type { z } from "zod";
import { chooseFormatMessage, csvHeader, csvRow, isExportFormat, jsonLine, UTF8_BOM, type ExportColumn, type ExportFormat } from "~/lib/export/writers";
import type { CommandContext } from "~/server/actor";
import { auditActor, writeAuditEvent } from "~/server/audit";
import type { AuditEventInput } from "~/server/audit-events";
import { db, getPool } from "~/server/db";
import { ValidationError, validationErrorFromIssues } from "~/server/errors";
import type { SqlQuery } from "~/server/sql";
import { createCrlfRecordTerminator, inlineParams } from "./copy-csv";
import { openXlsxWriter } from "./xlsx";

/**
 * ONE way to export: a snapshot, its row count, the audit event, then the rows.
 *
 * 1. A pooled connection opens a REPEATABLE READ, READ ONLY transaction; its first statement,
 *    the count, fixes the snapshot. Rows and count come from that one snapshot, whatever
 *    commits meanwhile.
 * 2. The audit event, with that count, is appended and COMMITTED in its own short transaction
 *    (`db.$transaction` + `writeAuditEvent`, READ COMMITTED: `audit_append` must see the chain's
 *    latest head, which a repeatable-read snapshot would not). If it fails, the snapshot is
 *    rolled back and nothing is sent: an export that sends data is always on the record.
 * 3. Only then does the first byte go out: the rows, read in the snapshot of step 1 — CSV through
 *    PostgreSQL's COPY when the plan gives a `csvCopy` statement, otherwise (and for JSON Lines
 *    and .xlsx) through a server-side cursor and the shared writers (.xlsx: exceljs's streaming
 *    writer, xlsx.ts). CSV starts with the UTF-8 BOM unless the plan says `bom: false`. Memory
 *    stays flat at any size.
 * 4. The end of the rows commits the snapshot and returns the connection; a consumer that goes
 *    away (or an error) discards the connection instead, so nothing is left idle in transaction.
 *    A stream whose rows do not add up to the count fails instead of ending.
 *
 * Steps 1–2 hold one connection while asking for a second. At most half the pool's connections
 * may be in that phase at once (`openingSlots`), so concurrent exports can never all hold one
 * and wait for another.
 */
export interface ExportPlan<Row> {
  format: ExportFormat;
  /** `SELECT count(*) AS n …`: how many rows `rows` returns. */
  count: SqlQuery;
  /** The rows, in order. */
  rows: SqlQuery;
  /** Turns a row as the driver returns it into the row the columns read. */
  toRow?: (raw: Record<string, unknown>) => Row;
  columns: readonly ExportColumn<Row>[];
  /**
   * CSV only, optional: the same rows as a SELECT of finished cells (neutralised, formatted, named
   * as the headers), written by PostgreSQL's COPY (see copy-csv.ts). Without it CSV goes through
   * the cursor and `csvRow`.
   */
  csvCopy?: SqlQuery;
  /** The audit event, given the number of rows the export holds. */
  event: (rows: number) => AuditEventInput & { entityId: string };
  /** CSV: start with the UTF-8 byte-order mark (default true: spreadsheets opened by a double-click read UTF-8). */
  bom?: boolean;
  /** .xlsx: the sheet's name. */
  sheetName?: string;
}

export interface OpenedExport {
  stream: Readable;
  format: ExportFormat;
  /** The rows the stream holds (X-Row-Count). */
  rows: number;
}

/** Thrown when the export's audit event could not be written: nothing was sent. */
export class ExportNotRecordedError extends Error {
  constructor(cause: unknown) {
    super("The export's audit event could not be written, so the export was not sent.", { cause });
    this.name = "ExportNotRecordedError";
  }
}

/** What an export's audit event records: the format, the filter as given, and the rows sent. */
export interface ExportPayload {
  format: ExportFormat;
  filter: Record<string, string>;
  rows: number;
}

/**
 * A feature's filtered export: checks the format and the filter (a ValidationError with field
 * errors, before anything is read), then `openExport` with the feature's plan for that filter.
 */
export async function exportFiltered<Filter, Row>(
  ctx: CommandContext,
  params: ExportParams,
  spec: {
    schema: z.ZodType<Filter>;
    plan: (filter: Filter) => Omit<ExportPlan<Row>, "format" | "event" | "bom">;
    event: (payload: ExportPayload) => AuditEventInput & { entityId: string };
    /** The formats this export offers (default csv and jsonl). */
    formats?: readonly ExportFormat[];
  },
): Promise<OpenedExport> {
  const format = params.format;
  const formats = spec.formats ?? DEFAULT_FORMATS;
  if (!isExportFormat(format) || !formats.includes(format)) throw new ValidationError(chooseFormatMessage(formats), { format: [chooseFormatMessage(formats)] });
  const parsed = spec.schema.safeParse(params.filter);
  if (!parsed.success) throw validationErrorFromIssues("Some filters are not valid.", parsed.error.issues);
  return openExport(ctx, { ...spec.plan(parsed.data), format, bom: params.bom ?? true, event: (rows) => spec.event({ format, filter: params.filter, rows }) });
}

/** What an export endpoint passes on: the filter as sent, the format, and (CSV) whether to start with a BOM. */
export interface ExportParams {
  filter: Record<string, string>;
  format: string;
  bom?: boolean;
}

const DEFAULT_FORMATS: readonly ExportFormat[] = ["csv", "jsonl"];

/** Rows fetched per round trip by the cursor, and the size of the chunks the writers emit. */
const BATCH_ROWS = 2000;
const CHUNK_CHARS = 64 * 1024;

export async function openExport<Row>(ctx: CommandContext, plan: ExportPlan<Row>): Promise<OpenedExport> {
  // What can fail on this side (e.g. inlining COPY's parameters) is prepared before the event is written.
  const read = plan.format === "xlsx" ? null : plan.format === "csv" && plan.csvCopy ? copyCsv(plan.csvCopy) : cursorRows(plan);
  const prefix = plan.format === "csv" && plan.bom !== false ? UTF8_BOM : "";
  const { client, rows } = await openingSlots.run(() => snapshotAndRecord(ctx, plan));
  try {
    const stream = read ? streamBody(client, read(client), rows, prefix) : streamXlsx(client, plan, rows);
    return { stream, format: plan.format, rows };
  } catch (error) {
    client.release(asError(error));
    throw error;
  }
}

/** Steps 1 and 2: the snapshot and its count on one connection, then the committed audit event. */
async function snapshotAndRecord<Row>(ctx: CommandContext, plan: ExportPlan<Row>): Promise<{ client: pg.PoolClient; rows: number }> {
  const client = await getPool().connect();
  let rows: number;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const counted = await client.query<{ n: string }>(plan.count.text, plan.count.values);
    rows = Number(counted.rows[0]?.n ?? 0);
  } catch (error) {
    client.release(asError(error));
    throw error;
  }
  try {
    await db.$transaction((tx) => writeAuditEvent(tx, { actor: auditActor(ctx.actor), now: ctx.now, requestId: ctx.requestId, ...plan.event(rows) }));
  } catch (error) {
    await client.query("ROLLBACK").then(
      () => client.release(),
      (rollbackError: unknown) => client.release(asError(rollbackError)),
    );
    throw new ExportNotRecordedError(error);
  }
  return { client, rows };
}

/** An export's body: the driver's stream and how to turn it into bytes. */
interface Body {
  /** COPY data (bytes) or rows (objects). */
  source: Readable;
  objectMode: boolean;
  /** Output for one chunk of the source (possibly nothing yet: held for a bigger chunk). */
  write: (chunk: unknown) => Buffer | string;
  /** Output held back, sent before the end. */
  rest: () => string;
  /** Records written (a CSV header not included). */
  written: () => number;
}

/** CSV by PostgreSQL's COPY, LF record ends turned into CRLF; counts the records it passes. */
function copyCsv(query: SqlQuery): (client: pg.PoolClient) => Body {
  const statement = `COPY (${inlineParams(query.text, query.values, pg.escapeLiteral)}) TO STDOUT WITH (FORMAT csv, HEADER)`;
  return (client) => {
    const terminate = createCrlfRecordTerminator();
    return {
      source: client.query(copyTo(statement)),
      objectMode: false,
      write: (chunk) => terminate(chunk as Buffer),
      rest: () => "",
      written: () => terminate.records - 1,
    };
  };
}

/** Rows by a server-side cursor, written as CSV or JSON Lines in chunks of about CHUNK_CHARS. */
function cursorRows<Row>(plan: ExportPlan<Row>): (client: pg.PoolClient) => Body {
  const record = plan.format === "csv" ? csvRow : jsonLine;
  const toRow = plan.toRow ?? ((raw: Record<string, unknown>) => raw as Row);
  return (client) => {
    let pending = plan.format === "csv" ? csvHeader(plan.columns) : "";
    let written = 0;
    const take = () => {
      const chunk = pending;
      pending = "";
      return chunk;
    };
    return {
      source: client.query(new QueryStream(plan.rows.text, plan.rows.values, { batchSize: BATCH_ROWS })),
      objectMode: true,
      write(raw) {
        pending += record(plan.columns, toRow(raw as Record<string, unknown>));
        written++;
        return pending.length < CHUNK_CHARS ? "" : take();
      },
      rest: take,
      written: () => written,
    };
  };
}

/**
 * Steps 3–4: the body as the consumer's stream. At the end of the rows it checks them against the
 * count, commits and returns the connection, and only then ends. A consumer that goes away early,
 * or an error, discards the connection (its transaction dies with it).
 */
function streamBody(client: pg.PoolClient, body: Body, counted: number, prefix: string): Readable {
  const { settle, settled } = holdConnection(client);
  const out = new Transform({
    writableObjectMode: body.objectMode,
    transform(chunk: unknown, _encoding, done) {
      const bytes = body.write(chunk);
      done(null, bytes.length > 0 ? bytes : undefined);
    },
    flush(done) {
      const rest = body.rest();
      if (rest) this.push(rest);
      if (body.written() !== counted) {
        const error = new Error(`export: ${body.written()} rows streamed, ${counted} counted`);
        settle(error);
        return done(error);
      }
      client.query("COMMIT").then(
        () => {
          settle();
          done();
        },
        (error: unknown) => {
          settle(asError(error));
          done(asError(error));
        },
      );
    },
  });
  if (prefix) out.push(prefix);
  body.source.on("error", (error: Error) => out.destroy(error));
  out.on("close", () => {
    if (settled()) return;
    body.source.unpipe(out);
    settle(new Error("export: the stream closed before its end"));
  });
  body.source.pipe(out);
  return out;
}

/**
 * Steps 3–4 for .xlsx: rows by a server-side cursor into exceljs's streaming workbook, pulled one
 * at a time and held back while the consumer has not taken what was written (constant memory).
 * After the last row the count is checked and the snapshot committed (the connection goes back
 * to the pool), then the workbook's closing parts are written and the stream ends.
 */
function streamXlsx<Row>(client: pg.PoolClient, plan: ExportPlan<Row>, counted: number): Readable {
  const { settle, settled } = holdConnection(client);
  const toRow = plan.toRow ?? ((raw: Record<string, unknown>) => raw as Row);
  const out = new PassThrough();
  const source = client.query(new QueryStream(plan.rows.text, plan.rows.values, { batchSize: BATCH_ROWS })) as Readable;
  const fail = (error: unknown) => {
    settle(asError(error));
    source.destroy();
    out.destroy(asError(error));
  };
  out.on("close", () => {
    if (!settled()) fail(new Error("export: the stream closed before its end"));
  });
  const pump = async () => {
    const sheet = openXlsxWriter(out, plan.columns, plan.sheetName ?? "Export");
    let written = 0;
    for await (const raw of source) {
      sheet.add(toRow(raw as Record<string, unknown>));
      if (++written % XLSX_ROOM_EVERY === 0) await sheet.room();
      if (out.destroyed) return;
    }
    if (written !== counted) throw new Error(`export: ${written} rows streamed, ${counted} counted`);
    await client.query("COMMIT");
    settle();
    await sheet.finish();
  };
  pump().catch(fail);
  return out;
}

/** Rows added to a workbook between two looks at how much the consumer has still to take. */
const XLSX_ROOM_EVERY = 100;

/** The export's connection: given back once, at the end (or discarded with an error). */
function holdConnection(client: pg.PoolClient): { settle: (error?: Error) => void; settled: () => boolean } {
  let done = false;
  return {
    settle(error) {
      if (done) return;
      done = true;
      client.release(error);
    },
    settled: () => done,
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A counting semaphore: at most `size()` tasks run at once; the others wait their turn. */
function semaphore(size: () => number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= size()) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}

/** Openings (steps 1–2) hold a connection and ask for another: at most half the pool at once. */
const openingSlots = semaphore(() => Math.max(1, Math.floor((getPool().options.max ?? 10) / 2)));
