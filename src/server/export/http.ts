import "server-only";
import { Readable } from "node:stream";
import { EXPORT_MEDIA_TYPES } from "~/lib/export/writers";
import type { UrlFilterCodec } from "~/lib/url-filters";
import type { Actor, CommandContext } from "~/server/actor";
import { actorFromRequest } from "~/server/auth/request-actor";
import { BUSY_MESSAGE, DomainError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/server/errors";
import { briefly, logger } from "~/server/log";
import { requestIdFrom } from "~/server/request-id";
import { ExportNotRecordedError, type ExportParams, type OpenedExport } from "./stream";

const STATUS: Record<DomainError["code"], number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * An export endpoint (`GET /api/export/<name>?format=csv|jsonl|xlsx&bom=true|false&<filters>`), the same for every
 * export: the caller by session cookie (same-site requests only: 403) or HTTP Basic (throttled:
 * 429 + Retry-After; audited), 401 otherwise, `forbidden` for who may
 * not (403), the filter read with the page's own URL codec (as sent: the service validates it),
 * then `open` (the feature's service, which validates and calls openExport). The response
 * streams the file with its row count (`X-Row-Count`, the rows of the export's snapshot) and
 * request id. Every refusal is JSON `{ error, message, fieldErrors }` with its status; no
 * database or driver text ever reaches the client (it is logged here instead). One `request`
 * log line per export (src/server/log.ts), like tRPC's; an unexpected error once, with its stack.
 */
export async function exportResponse(request: Request, endpoint: ExportEndpoint): Promise<Response> {
  const started = performance.now();
  const log = { requestId: requestIdFrom(request.headers.get("x-request-id")), userId: null as string | null, path: `export.${endpoint.name}` };
  const response = await respond(request, endpoint, log);
  logger.info({ ...log, type: request.method, status: response.status, durationMs: Math.round(performance.now() - started) }, "request");
  return response;
}

interface ExportEndpoint {
  /** The file's name: `servewise-<name>-YYYYMMDD.<format>`. */
  name: string;
  /** The page's URL filters: the export takes the same parameters. */
  filters: UrlFilterCodec<string>;
  /** Why this actor may not export, or null when they may. */
  forbidden?: (actor: Actor) => string | null;
  open: (ctx: CommandContext, params: ExportParams) => Promise<OpenedExport>;
}

const BOM_MESSAGE = "Use bom=true (the default: a byte-order mark for spreadsheets) or bom=false (plain UTF-8 for scripts).";

async function respond(request: Request, endpoint: ExportEndpoint, log: { requestId: string; userId: string | null; path: string }): Promise<Response> {
  const { requestId } = log;
  const refuse = (status: number, error: string, message: string, extra: { fieldErrors?: Record<string, string[]>; headers?: Record<string, string> } = {}) =>
    Response.json({ error, message, fieldErrors: extra.fieldErrors ?? {} }, { status, headers: { "Cache-Control": "no-store", "X-Request-Id": requestId, ...extra.headers } });
  try {
    const caller = await actorFromRequest(request);
    if (!caller.ok) return refuse(caller.status, caller.error, caller.message, { headers: caller.headers });
    const { actor } = caller;
    log.userId = actor.id;
    const forbidden = endpoint.forbidden?.(actor);
    if (forbidden) return refuse(403, "FORBIDDEN", forbidden);
    const search = new URL(request.url).searchParams;
    const filter = endpoint.filters.params(endpoint.filters.raw(search));
    const bomParam = search.get("bom");
    const bom = bomParam === null || bomParam === "true" ? true : bomParam === "false" ? false : undefined;
    if (bom === undefined) return refuse(400, "BAD_REQUEST", "The bom parameter is not valid.", { fieldErrors: { bom: [BOM_MESSAGE] } });
    const exported = await endpoint.open({ actor, now: new Date(), requestId }, { filter, format: search.get("format") ?? "csv", bom });
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    return new Response(Readable.toWeb(exported.stream) as ReadableStream, {
      headers: {
        "Content-Type": EXPORT_MEDIA_TYPES[exported.format],
        "Content-Disposition": `attachment; filename="servewise-${endpoint.name}-${day}.${exported.format}"`,
        "X-Row-Count": String(exported.rows),
        "X-Request-Id": requestId,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return refuse(STATUS[error.code], error.code, error.message, { fieldErrors: error.fieldErrors });
    if (isDatabaseUnavailable(error)) {
      logger.warn({ ...log, cause: briefly(error).message }, "database unavailable");
      return refuse(503, "SERVICE_UNAVAILABLE", BUSY_MESSAGE, { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    }
    logger.error({ ...log, err: error }, "unexpected error");
    if (error instanceof ExportNotRecordedError) {
      return refuse(500, "EXPORT_NOT_RECORDED", "The export could not be recorded in the audit trail, so nothing was sent. Try again; if it keeps failing, tell an admin.");
    }
    return refuse(500, "INTERNAL_SERVER_ERROR", "The export failed before anything was sent. Try again; if it keeps failing, tell an admin.");
  }
}
