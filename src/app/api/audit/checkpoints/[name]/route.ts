import { readCheckpointFile } from "~/features/audit/queries";
import { checkpointAccess, NO_STORE } from "../access";

export const dynamic = "force-dynamic";

/** GET /api/audit/checkpoints/checkpoint-<seq>.json: one signed checkpoint file, as written. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const access = await checkpointAccess(request);
  if (!access.ok) return access.response;
  const { name } = await params;
  const text = readCheckpointFile(access.dir, name);
  if (text === null) {
    return Response.json({ error: "NOT_FOUND", message: "No checkpoint of that name: list them at /api/audit/checkpoints." }, { status: 404, headers: NO_STORE });
  }
  return new Response(text, {
    headers: { ...NO_STORE, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` },
  });
}
