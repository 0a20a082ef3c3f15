import "server-only";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "~/server/db";

/**
 * Sign-in throttling with rate-limiter-flexible, its store in PostgreSQL (the
 * `sign_in_throttle` table, created by a migration — the library never runs DDL), so the
 * limits hold across every app process.
 *
 * Each password attempt counts against its account (the email typed, whether or not it
 * exists) and its client address BEFORE the password is checked, so a burst of parallel
 * guesses gets no more checks than a sequence. A successful sign-in clears the account's
 * count and gives the address its attempt back. When a scope runs out of free failures
 * within its window, it is locked; each further lockout within a day doubles the lock, up
 * to a maximum. While locked, attempts are refused without checking the password, with the
 * time left.
 */

export type ThrottleScope = "account" | "address";

export interface ThrottlePolicy {
  /** Failed attempts allowed within the window before a lockout. */
  freeFailures: number;
  windowSeconds: number;
  /** The first lockout; each further one within `historySeconds` doubles, up to `maxLockSeconds`. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  historySeconds: number;
}

export const SIGN_IN_POLICIES: Record<ThrottleScope, ThrottlePolicy> = {
  account: { freeFailures: 5, windowSeconds: 15 * 60, firstLockSeconds: 60, maxLockSeconds: 60 * 60, historySeconds: 24 * 60 * 60 },
  address: { freeFailures: 30, windowSeconds: 15 * 60, firstLockSeconds: 5 * 60, maxLockSeconds: 4 * 60 * 60, historySeconds: 24 * 60 * 60 },
};

export const THROTTLE_TABLE = "sign_in_throttle";

/** The length of the lockout number `n` (1-based) under `policy`. */
export function lockSeconds(policy: ThrottlePolicy, n: number): number {
  return Math.min(policy.maxLockSeconds, policy.firstLockSeconds * 2 ** Math.min(Math.max(n - 1, 0), 30));
}

interface Limiters {
  failures: RateLimiterPostgres;
  lockouts: RateLimiterPostgres;
}

/** The store's key prefixes (rate-limiter-flexible stores `<prefix>:<key>`). */
const failuresPrefix = (scope: ThrottleScope) => `signin-${scope}`;
const lockoutsPrefix = (scope: ThrottleScope) => `signin-${scope}-lockouts`;

const globalForThrottle = globalThis as unknown as { servewiseThrottle?: Record<ThrottleScope, Limiters> };

function limiters(): Record<ThrottleScope, Limiters> {
  if (!globalForThrottle.servewiseThrottle) {
    // One of the four sweeps expired rows of the shared table (every 5 min); the others need not.
    let sweeps = true;
    const make = (keyPrefix: string, points: number, duration: number) => {
      const limiter = new RateLimiterPostgres({
        storeClient: getPool(),
        storeType: "pool",
        tableName: THROTTLE_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: sweeps,
        keyPrefix,
        points,
        duration,
      });
      sweeps = false;
      return limiter;
    };
    const build = (scope: ThrottleScope): Limiters => {
      const policy = SIGN_IN_POLICIES[scope];
      return {
        failures: make(failuresPrefix(scope), policy.freeFailures, policy.windowSeconds),
        lockouts: make(lockoutsPrefix(scope), 1_000_000, policy.historySeconds),
      };
    };
    globalForThrottle.servewiseThrottle = { account: build("account"), address: build("address") };
  }
  return globalForThrottle.servewiseThrottle;
}

/** The account key: the email as typed, normalised (it need not exist). */
export function accountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 200);
}

/** The throttle table's keys that belong to an account (for an admin's unlock and the people list). */
export function accountThrottleKeys(email: string): { failures: string; lockouts: string } {
  return { failures: `${failuresPrefix("account")}:${accountKey(email)}`, lockouts: `${lockoutsPrefix("account")}:${accountKey(email)}` };
}

/** Whether a stored failure counter (`points`, `expire` in epoch ms) is a lock in force at `now`. */
export function isLockedRow(row: { points: number; expire: bigint | null }, now: Date, scope: ThrottleScope = "account"): boolean {
  return row.points > SIGN_IN_POLICIES[scope].freeFailures && row.expire !== null && Number(row.expire) > now.getTime();
}

export interface Lockout {
  scope: ThrottleScope;
  key: string;
  seconds: number;
  /** Which lockout of the day this is (1 = the first). */
  count: number;
}

export type ThrottleVerdict =
  | { allowed: true; lockouts: []; succeeded(): Promise<void> }
  | { allowed: false; retryAfterSeconds: number; lockouts: Lockout[] };

/**
 * Counts one password attempt against the account and the address, and says whether its
 * password may be checked. Call `succeeded()` after a matching password.
 */
export async function beginPasswordAttempt(params: { email: string | null; address: string | null }): Promise<ThrottleVerdict> {
  const all = limiters();
  const scopes: { scope: ThrottleScope; key: string }[] = [];
  if (params.email) scopes.push({ scope: "account", key: accountKey(params.email) });
  if (params.address) scopes.push({ scope: "address", key: params.address.slice(0, 60) });

  const results = await Promise.all(
    scopes.map(async ({ scope, key }) => {
      const policy = SIGN_IN_POLICIES[scope];
      const counted: RateLimiterRes = await all[scope].failures.penalty(key, 1);
      if (counted.consumedPoints <= policy.freeFailures) return { scope, key, refusedFor: 0, lockout: null };
      if (counted.consumedPoints === policy.freeFailures + 1) {
        // This attempt used up the free failures: lock, longer for each lockout of the day.
        const count = (await all[scope].lockouts.penalty(key, 1)).consumedPoints;
        const seconds = lockSeconds(policy, count);
        await all[scope].failures.block(key, seconds);
        return { scope, key, refusedFor: seconds, lockout: { scope, key, seconds, count } satisfies Lockout };
      }
      return { scope, key, refusedFor: Math.max(1, Math.ceil(counted.msBeforeNext / 1000)), lockout: null };
    }),
  );

  const refusedFor = Math.max(0, ...results.map((r) => r.refusedFor));
  const lockouts = results.flatMap((r) => (r.lockout ? [r.lockout] : []));
  if (refusedFor > 0) return { allowed: false, retryAfterSeconds: refusedFor, lockouts };
  return {
    allowed: true,
    lockouts: [],
    async succeeded() {
      await Promise.all(
        results.map(({ scope, key }) => (scope === "account" ? all.account.failures.delete(key) : all.address.failures.reward(key, 1))),
      );
    },
  };
}
