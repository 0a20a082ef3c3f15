import { handleTrpcRequest } from "~/server/api/http";
import { getSessionClaim } from "~/server/auth/session";

function handler(req: Request) {
  return handleTrpcRequest(req, { claim: getSessionClaim });
}

export { handler as GET, handler as POST };
