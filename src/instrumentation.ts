/**
 * Runs once when the server starts: a bad or missing variable stops it with a clear message;
 * every request is stamped with its connection's address (sign-in throttling); then the audit
 * checkpoints are scheduled (when a checkpoint key is configured).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./check-env");
    const [{ Server }, { installClientAddressStamp }] = await Promise.all([import("node:http"), import("./server/auth/client-address")]);
    installClientAddressStamp(Server.prototype);
    const { scheduleAuditCheckpoints } = await import("./features/audit/schedule");
    scheduleAuditCheckpoints();
  }
}
