/**
 * Text a filter may hold: PostgreSQL's text and jsonb cannot hold a NUL character, so a field
 * that reaches SQL or the audit payload refuses it with a field error instead of a database error.
 */
import type { z } from "zod";

export const NUL_MESSAGE = "Remove the NUL character (\\0): it cannot be searched or stored.";

export function withoutNul<T extends z.ZodType<string>>(schema: T) {
  return schema.refine((value) => !value.includes("\u0000"), { message: NUL_MESSAGE });
}

export { INVALID_INPUT_MESSAGE } from "./messages";

export const SURROGATE_MESSAGE = "This text has a broken character (a lone UTF-16 surrogate): retype it.";

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/** Why a string cannot be stored as text, or null when it can. */
export function unstorableTextReason(value: string): string | null {
  if (value.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  return null;
}

/**
 * A string made storable, for values that must be recorded rather than refused (e.g. the email
 * of a failed sign-in): NULs and lone surrogates become U+FFFD.
 */
export function toStorableText(value: string): string {
  return value.replaceAll("\u0000", "\uFFFD").replace(LONE_SURROGATES, "\uFFFD");
}

/** The characters of the ids Servewise makes (cuid) and of the short keys it uses. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
