import { Readable } from "node:stream";
import { countDecisionLog } from "~/features/decision-log/queries";
import { decisionLogFilterSchema, filterFromSearchParams } from "~/features/decision-log/schema";
import { exportDecisionLog } from "~/features/decision-log/service";
import { DomainError } from "~/server/errors";
import { loggedRoute } from "~/server/route";
import { actorFromRequest } from "~/server/auth/request-actor";

export const dynamic = "force-dynamic";

/**
 * GET /api/export/decision-log?format=csv|jsonl&teamId=&status=&strategy=&override=yes|no&from=&to=&q=
 * Streams exactly what the decision log shows for those filters. Authenticated by the
 * session cookie, or by HTTP Basic for scripts (see README).
 */
export const GET = loggedRoute("export.decisionLog", async (request, log) => {
  const actor = await actorFromRequest(request);
  log.userId = actor?.id ?? null;
  if (!actor) {
    return Response.json(
      { error: "UNAUTHORIZED", message: "Sign in, or pass your Servewise email and password with HTTP Basic (curl -u)." },
      { status: 401, headers: { "WWW-Authenticate": 'Basic realm="Servewise"' } },
    );
  }
  const url = new URL(request.url);
  const filter = filterFromSearchParams(url.searchParams);
  try {
    const { stream, format } = await exportDecisionLog(
      { actor, now: () => new Date(), requestId: log.requestId },
      { filter, format: url.searchParams.get("format") ?? "csv" },
    );
    const total = await countDecisionLog(actor, decisionLogFilterSchema.parse(filter));
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="servewise-decision-log-${day}.${format}"`,
        "X-Row-Count": String(total),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      return Response.json({ error: error.code, message: error.message, fieldErrors: error.fieldErrors ?? {} }, { status: 400 });
    }
    throw error;
  }
});
