import { decodeWire, encodeWire, type Wire } from "./wire";

/** The error a call rejects with: `data` is the procedure's error data (code, fieldErrors, requestId), which `readApiError` reads. */
export class ProcedureError extends Error {
  constructor(
    message: string,
    readonly data?: unknown,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ProcedureError";
  }
}

/**
 * Calls one procedure over `/api/trpc`, the same HTTP endpoint (session, guards, input
 * parsing, 4xx refusals, 503 when the database is busy, request log) that scripts and the
 * fuzz tests use, without React Query or the tRPC client in the page's JavaScript. Every call
 * is a POST (the handler allows queries by POST: `allowMethodOverride`), so the browser needs
 * no list of which procedures are queries; calls run in parallel. Resolves with the data, or
 * rejects with a ProcedureError (no `data` when the server could not be reached or did not
 * answer as tRPC).
 */
export async function callProcedure(path: string, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(encodeWire(input)),
      credentials: "same-origin",
    });
  } catch {
    throw new ProcedureError("The server could not be reached.");
  }
  type Answer = { result?: { data: Wire }; error?: Wire } | null;
  let body: Answer = null;
  try {
    body = (await response.json()) as Answer;
  } catch {
    // Not tRPC's answer (a proxy's error page, an interrupted response).
  }
  if (body?.result) return decodeWire(body.result.data);
  if (body?.error) {
    const shape = (await decodeWire(body.error)) as { message?: unknown; data?: unknown } | null;
    throw new ProcedureError(typeof shape?.message === "string" ? shape.message : "", shape?.data, response.status);
  }
  throw new ProcedureError(`The server answered ${response.status}.`, undefined, response.status);
}
