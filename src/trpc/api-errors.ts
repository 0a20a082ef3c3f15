/** What the UI needs from a failed tRPC call: its code, a sentence, and field messages by path. */
export interface ApiError {
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
}

const FALLBACK = "Servewise could not be reached. Check your connection and try again.";

export function readApiError(error: unknown): ApiError {
  const data = (error as { data?: { code?: unknown; fieldErrors?: unknown } } | null)?.data;
  const code = typeof data?.code === "string" ? data.code : "NETWORK";
  const fieldErrors = isFieldErrors(data?.fieldErrors) ? data.fieldErrors : {};
  const raw = error instanceof Error ? error.message.trim() : "";
  // The server words every refusal (an input error's message is a sentence, never zod's issue list:
  // errorFormatter in ~/server/api/trpc, held to it by tests/integration/browser-calls.test.ts).
  const message = code === "NETWORK" || raw === "" ? FALLBACK : raw;
  return { code, message, fieldErrors };
}

function isFieldErrors(value: unknown): value is Record<string, string[]> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => Array.isArray(v));
}
