/** Liveness: the process serves HTTP. It does not touch the database (see /api/ready). */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
