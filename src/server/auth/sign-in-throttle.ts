import "server-only";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { getPool } from "~/server/db";

/**
 * Sign-in throttling with rate-limiter-flexible, its store in PostgreSQL (the
 * `sign_in_throttle` table, created by a migration — the library never runs DDL), so the
 * limits hold across every app process.
 *
 * Failed attempts count against their account (the email typed, whether or not it exists)
 * and their client address; a successful sign-in clears the account's count. The failure
 * that uses up a scope's free failures within its window locks it; each further lockout
 * within a day doubles the lock, up to a maximum. While locked, attempts are refused without
 * checking the password, with the time left.
 *
 * Within a process, the attempts on one account run one after another (check, then record),
 * so a burst of parallel guesses gets no more checks than a sequence, while parallel sign-ins
 * with the right password (a script's parallel exports) never lock anyone out.
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

export type ThrottledAttempt<T> =
  | { allowed: true; result: T; lockouts: Lockout[] }
  | { allowed: false; retryAfterSeconds: number; lockouts: [] };

const accountQueues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier attempt on the same account in this process has finished. */
function oneAtATime<T>(key: string | null, work: () => Promise<T>): Promise<T> {
  if (!key) return work();
  const run = (accountQueues.get(key) ?? Promise.resolve()).then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  accountQueues.set(key, tail);
  void tail.then(() => {
    if (accountQueues.get(key) === tail) accountQueues.delete(key);
  });
  return run;
}

/**
 * One password attempt under the limits: refused while its account or address is locked;
 * otherwise `check` runs and says whether the password matched, and a mismatch is counted
 * (locking a scope whose free failures it used up).
 */
export function throttledAttempt<T>(
  params: { email: string | null; address: string | null },
  check: () => Promise<{ matched: boolean; result: T }>,
): Promise<ThrottledAttempt<T>> {
  const all = limiters();
  const scopes: { scope: ThrottleScope; key: string }[] = [];
  if (params.email) scopes.push({ scope: "account", key: accountKey(params.email) });
  if (params.address) scopes.push({ scope: "address", key: params.address.slice(0, 60) });

  return oneAtATime(params.email ? accountKey(params.email) : null, async () => {
    const current = await Promise.all(scopes.map(({ scope, key }) => all[scope].failures.get(key)));
    const refusedFor = Math.max(
      0,
      ...current.map((res, i) => (res && res.consumedPoints > SIGN_IN_POLICIES[scopes[i]!.scope].freeFailures ? Math.ceil(res.msBeforeNext / 1000) : 0)),
    );
    if (refusedFor > 0) return { allowed: false, retryAfterSeconds: refusedFor, lockouts: [] };

    const { matched, result } = await check();
    if (matched) {
      const account = scopes.find((s) => s.scope === "account");
      if (account) await all.account.failures.delete(account.key);
      return { allowed: true, result, lockouts: [] };
    }
    const lockouts = await Promise.all(
      scopes.map(async ({ scope, key }): Promise<Lockout | null> => {
        const policy = SIGN_IN_POLICIES[scope];
        const counted = await all[scope].failures.penalty(key, 1);
        // Exactly one failure (the increment is atomic) uses up the free ones: it locks.
        if (counted.consumedPoints !== policy.freeFailures) return null;
        const count = (await all[scope].lockouts.penalty(key, 1)).consumedPoints;
        const seconds = lockSeconds(policy, count);
        await all[scope].failures.block(key, seconds);
        return { scope, key, seconds, count };
      }),
    );
    return { allowed: true, result, lockouts: lockouts.filter((l): l is Lockout => l !== null) };
  });
}
