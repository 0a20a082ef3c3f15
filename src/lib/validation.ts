/**
 * The validation primitives every input schema is built from (isomorphic: forms, routers,
 * URL codecs and exports use the same rules). Each refuses what PostgreSQL or the audit
 * trail's jsonb would refuse later, so a hostile or careless input is a 400 with a field
 * message, never a database error:
 * - text: no NUL character (text and jsonb refuse it), no lone UTF-16 surrogate (jsonb
 *   refuses it; the driver would silently turn it into U+FFFD in a text column);
 * - ids: the plain characters of the ids Servewise makes (cuid);
 * - integers that land in `integer` columns: within 32 bits;
 * - sequence numbers (`bigint`): within 64 bits.
 * Filter dates are real calendar days (`~/lib/date-range`: 2026-02-31 matches the pattern
 * but does not exist).
 */
import { z } from "zod";
import { ID_PATTERN, INVALID_INPUT_MESSAGE, LONE_SURROGATE, NUL_MESSAGE, SURROGATE_MESSAGE, toStorableText, unstorableTextReason, withoutNul } from "./plain-text";

// The zod-free rules live in plain-text.ts (client components use them without zod).
export { ID_PATTERN, INVALID_INPUT_MESSAGE, NUL_MESSAGE, SURROGATE_MESSAGE, toStorableText, unstorableTextReason };
/**
 * Text that PostgreSQL and jsonb can store. Chain the field's own rules after it
 * (`safeText().trim().min(3, "…").max(120, "…")`).
 */
export function safeText() {
  return withoutNul(z.string()).refine((v) => !LONE_SURROGATE.test(v), SURROGATE_MESSAGE);
}


/** An id of a row (user, team, use case, notification…). */
export function idSchema(messages: { missing?: string; invalid?: string } = {}) {
  const invalid = messages.invalid ?? "That is not a valid id.";
  return z
    .string()
    .min(1, messages.missing ?? "Missing id.")
    .max(40, invalid)
    .regex(/^[A-Za-z0-9_-]+$/, invalid);
}

export const INT32_MAX = 2_147_483_647;

/** A positive whole number that fits an `integer` column (revisions, row versions). */
export function positiveInt32() {
  return z.number().int("Use a whole number.").positive("Use a number of 1 or more.").max(INT32_MAX, "That number is too large.");
}

const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True for an ISO timestamp exactly as `Date#toISOString` writes it (years 1 to 9999). */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== "string" || !TIMESTAMP_PATTERN.test(value) || value.startsWith("0000")) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

const BIGINT_MAX = BigInt("9223372036854775807");

/** A sequence number as a decimal string that fits a `bigint` column (e.g. the audit page's `before`). */
export function sequenceNumberSchema() {
  return z
    .string()
    .regex(/^\d{1,19}$/, "Use a sequence number.")
    .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= BIGINT_MAX, "That sequence number is too large.");
}
