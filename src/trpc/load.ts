import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * For pages: an unknown, foreign or malformed id shows Next's not-found page (the procedures
 * answer NOT_FOUND, never FORBIDDEN, so a foreign id looks exactly like a missing one).
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

/** A version number from the URL, or not-found. */
export function versionNumberOrNotFound(text: string): number {
  const n = /^[1-9]\d{0,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n)) notFound();
  return n;
}
