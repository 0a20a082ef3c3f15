import { checkpointFileNames } from "~/features/audit/queries";
import { checkpointAccess, NO_STORE } from "./access";

export const dynamic = "force-dynamic";

/**
 * GET /api/audit/checkpoints: the signed checkpoint files, oldest first, for a monitoring job
 * that copies them somewhere the database's administrators cannot write
 * (`Authorization: Bearer $AUDIT_CHECKPOINT_TOKEN`, or an admin). Each file is at
 * /api/audit/checkpoints/<name>; `npm run audit:verify -- --checkpoint <folder>` checks against them.
 */
export async function GET(request: Request) {
  const access = await checkpointAccess(request);
  if (!access.ok) return access.response;
  const names = checkpointFileNames(access.dir);
  return Response.json(
    { checkpoints: names.map((name) => ({ name, seq: String(BigInt(name.slice(11, 31))), href: `/api/audit/checkpoints/${name}` })) },
    { headers: NO_STORE },
  );
}
