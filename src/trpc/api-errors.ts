import { INVALID_INPUT_MESSAGE } from "~/lib/messages";

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
  // An input error's message used to be zod's issue list as JSON: the field messages say it better.
  const message = code === "NETWORK" || raw === "" ? FALLBACK : raw.startsWith("[") ? INVALID_INPUT_MESSAGE : raw;
  return { code, message, fieldErrors };
}

function isFieldErrors(value: unknown): value is Record<string, string[]> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => Array.isArray(v));
}

/** The first message per top-level field (`tags.2` counts as `tags`), for fields that show one message. */
export function firstErrorPerField(fieldErrors: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split(".")[0]!;
    if (messages[0] && !out[field]) out[field] = messages[0];
  }
  return out;
}
