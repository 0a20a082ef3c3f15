import { handleTrpcRequest } from "~/server/api/http";
import { getSessionUserId } from "~/server/auth/session";

function handler(req: Request) {
  return handleTrpcRequest(req, { userId: getSessionUserId });
}

export { handler as GET, handler as POST };
