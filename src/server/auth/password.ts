import { hash, verify } from "@node-rs/bcrypt";
import { availableParallelism } from "node:os";
import pLimit from "p-limit";

/**
 * bcrypt (@node-rs/bcrypt: native, on libuv's thread pool, so a hash never blocks the event
 * loop). The hash is never logged; a missing hash never verifies.
 *
 * Hashing is capped: at most HASHING_CONCURRENCY hashes run at once (half the cores, at least
 * one), so a burst of password guesses cannot take every core from signed-in users; at most
 * HASHING_QUEUE more wait, and beyond that a check is refused at once (PasswordCheckBusyError).
 */
export const HASHING_CONCURRENCY = Math.max(1, Math.floor(availableParallelism() / 2));
export const HASHING_QUEUE = 32;
const limit = pLimit(HASHING_CONCURRENCY);

export class PasswordCheckBusyError extends Error {
  constructor() {
    super("Too many password checks are waiting.");
    this.name = "PasswordCheckBusyError";
  }
}

function capped<T>(work: () => Promise<T>): Promise<T> {
  if (limit.pendingCount >= HASHING_QUEUE) return Promise.reject(new PasswordCheckBusyError());
  return limit(work);
}

/** Hashing a new password (seeds, password changes) waits its turn; it is never refused. */
export function hashPassword(password: string, rounds: number): Promise<string> {
  return limit(() => hash(password, rounds));
}

// A real hash, compared against when the account does not exist, so a wrong email
// costs the same time as a wrong password.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.0i5t6pPqH9yo8hJ9b0Z2cDkYjGxm";

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const ok = await capped(() => verify(password, stored ?? DUMMY_HASH));
  return ok && Boolean(stored);
}
