/**
 * Runs once when the server starts: a bad or missing variable stops it with a clear message;
 * then the audit checkpoints are scheduled (when a checkpoint key is configured).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./check-env");
    const { scheduleAuditCheckpoints } = await import("./features/audit/schedule");
    scheduleAuditCheckpoints();
  }
}
