import { Readable } from "node:stream";
import { countDecisionLog } from "~/features/decision-log/queries";
import { decisionLogFilterSchema, filterFromSearchParams } from "~/features/decision-log/schema";
import { exportDecisionLog } from "~/features/decision-log/service";
import { DomainError } from "~/server/errors";
import { actorFromRequest } from "~/server/auth/request-actor";

export const dynamic = "force-dynamic";

/**
 * GET /api/export/decision-log?format=csv|jsonl&teamId=&status=&strategy=&override=yes|no&from=&to=&q=
 * Streams exactly what the decision log shows for those filters. Authenticated by the
 * session cookie, or by HTTP Basic for scripts (see README).
 */
export async function GET(request: Request) {
  const caller = await actorFromRequest(request, "Sign in, or pass your Servewise email and password with HTTP Basic (curl -u).");
  if (!caller.ok) return caller.response;
  const { actor } = caller;
  const url = new URL(request.url);
  const filter = filterFromSearchParams(url.searchParams);
  try {
    const { stream, format } = await exportDecisionLog(
      { actor, now: () => new Date(), requestId: request.headers.get("x-request-id") },
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
}
