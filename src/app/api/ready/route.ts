import { checkReadiness } from "~/server/health";

/** Readiness: 200 only when the database answers and every migration is applied; else 503. */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "cache-control": "no-store", ...(readiness.ready ? {} : { "retry-after": "5" }) },
  });
}
