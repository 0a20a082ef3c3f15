/**
 * Text a filter may hold: PostgreSQL's text and jsonb cannot hold a NUL character, so a field
 * that reaches SQL or the audit payload refuses it with a field error instead of a database error.
 */
import type { z } from "zod";

export const NUL_MESSAGE = "Remove the NUL character (\\0): it cannot be searched or stored.";

export function withoutNul<T extends z.ZodType<string>>(schema: T) {
  return schema.refine((value) => !value.includes("\u0000"), { message: NUL_MESSAGE });
}

/**
 * The sentence for a request whose input did not validate (the field messages say what). Here,
 * not in validation.ts, so that the browser's error reading (`~/trpc/api-errors`) needs no zod.
 */
export const INVALID_INPUT_MESSAGE = "Some fields need attention: see the messages next to them.";
