import { Readable } from "node:stream";
import { exportAuditLog } from "~/features/audit/service";
import { hasRole } from "~/lib/roles";
import { actorFromRequest } from "~/server/auth/request-actor";
import { DomainError } from "~/server/errors";
import { loggedRoute } from "~/server/route";

export const dynamic = "force-dynamic";

const FILTER_KEYS = ["actor", "action", "entityType", "entityId", "from", "to"];

/** GET /api/export/audit-log?format=csv|jsonl&actor=&action=&entityType=&entityId=&from=&to= (admins). */
export const GET = loggedRoute("export.auditLog", async (request, log) => {
  const actor = await actorFromRequest(request);
  log.userId = actor?.id ?? null;
  if (!actor) {
    return Response.json({ error: "UNAUTHORIZED", message: "Sign in, or use HTTP Basic (curl -u)." }, { status: 401, headers: { "WWW-Authenticate": 'Basic realm="Servewise"' } });
  }
  if (!hasRole(actor.role, "ADMIN")) return Response.json({ error: "FORBIDDEN", message: "Only admins export the audit trail." }, { status: 403 });
  const url = new URL(request.url);
  const filter = Object.fromEntries(FILTER_KEYS.flatMap((k) => (url.searchParams.get(k) ? [[k, url.searchParams.get(k)!]] : [])));
  try {
    const { stream, format, total } = await exportAuditLog(
      { actor, now: () => new Date(), requestId: log.requestId },
      { filter, format: url.searchParams.get("format") ?? "csv" },
    );
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="servewise-audit-log-${day}.${format}"`,
        "X-Row-Count": String(total),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.code, message: error.message, fieldErrors: error.fieldErrors ?? {} }, { status: 400 });
    throw error;
  }
});
