/**
 * Runs once when the server starts: a bad or missing variable stops it with a clear message,
 * and every request is stamped with its connection's address (sign-in throttling).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./check-env");
    const [{ Server }, { installClientAddressStamp }] = await Promise.all([import("node:http"), import("./server/auth/client-address")]);
    installClientAddressStamp(Server.prototype);
  }
}
