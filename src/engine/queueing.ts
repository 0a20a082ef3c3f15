/**
 * M/M/c queueing (Erlang B / Erlang C), numerically stable for large c.
 *
 * Erlang B by the recurrence B(0) = 1, B(k) = a·B(k-1) / (k + a·B(k-1)), which never
 * forms factorials or powers. For large offered loads and c >= a (the stable queues that
 * Erlang C and the sizing ask about) the recurrence starts at c0 = a - 10·sqrt(a) from the
 * fluid value 1 - c0/a: the recurrence contracts errors by a factor k/a per step below a,
 * so the start error is damped by ~e^-50 by the time k reaches a. Below a it is not damped
 * enough (0.8% off at c = 0.9·a), so smaller c run the recurrence from zero.
 */

/** Erlang B blocking probability for `c` servers and offered load `a` Erlangs. */
export function erlangB(c: number, a: number): number {
  if (a <= 0) return 0;
  if (c <= 0) return 1;
  let k = 0;
  let b = 1;
  if (a > 400 && c >= a) {
    const c0 = Math.floor(a - 10 * Math.sqrt(a));
    if (c0 > 0) {
      k = c0;
      b = 1 - c0 / a;
    }
  }
  while (k < c) {
    k++;
    b = (a * b) / (k + a * b);
  }
  return b;
}

/** Erlang C: probability that an arriving request waits (M/M/c). 1 when c <= a (unstable). */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (c <= a) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** P(wait > t) in M/M/c with service time `serviceS`: C(c,a)·exp(-(c-a)·t/serviceS). */
export function probWaitExceeds(c: number, a: number, waitS: number, serviceS: number): number {
  const pc = erlangC(c, a);
  if (c <= a) return 1;
  if (waitS <= 0) return pc;
  return pc * Math.exp((-(c - a) * waitS) / serviceS);
}

export interface ReplicaSizing {
  /** Smallest c meeting the target (at least 1). */
  replicas: number;
  /** Offered load a = λ·s in Erlangs. */
  offeredLoad: number;
  /** P(wait > budget) at that c. */
  probWaitExceeds: number;
  /** Erlang C (probability of waiting at all) at that c. */
  probWait: number;
  /** 99th percentile of the wait at that c, seconds. */
  waitP99S: number;
  /** True when the exact recurrence was replaced by the square-root-staffing approximation. */
  approximate: boolean;
}

/** Above this offered load the Halfin-Whitt approximation replaces the exact recurrence. */
export const MAX_EXACT_LOAD = 20_000;

/** Complementary error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? y : 2 - y;
}

/** Halfin-Whitt (heavy-traffic) approximation of Erlang C: [1 + beta*Phi(beta)/phi(beta)]^-1, beta = (c-a)/sqrt(a). */
export function erlangCHalfinWhitt(c: number, a: number): number {
  const beta = (c - a) / Math.sqrt(a);
  if (beta <= 0) return 1;
  const phi = Math.exp((-beta * beta) / 2) / Math.sqrt(2 * Math.PI);
  const cdf = 1 - 0.5 * erfc(beta / Math.SQRT2);
  return 1 / (1 + (beta * cdf) / phi);
}

/**
 * Smallest c with P(wait > waitBudgetS) <= target for arrival rate `lambda` (req/s) and
 * mean service time `serviceS` (s). The wait budget is the latency budget minus processing.
 */
export function replicasForWaitBudget(lambda: number, serviceS: number, waitBudgetS: number, target = 0.01): ReplicaSizing {
  const a = lambda * serviceS;
  if (!(a > 0)) return { replicas: 1, offeredLoad: 0, probWaitExceeds: 0, probWait: 0, waitP99S: 0, approximate: false };
  const t = Math.max(0, waitBudgetS);
  if (a > MAX_EXACT_LOAD) {
    // Heavy traffic: binary search on c with the Halfin-Whitt approximation (monotone in c).
    const tail = (c: number) => erlangCHalfinWhitt(c, a) * (t > 0 ? Math.exp((-(c - a) * t) / serviceS) : 1);
    let lo = Math.floor(a); // fails (unstable)
    let hi = Math.ceil(a + 8 * Math.sqrt(a)) + 1; // meets the target with a wide margin
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (tail(mid) <= target) hi = mid;
      else lo = mid;
    }
    const pc = erlangCHalfinWhitt(hi, a);
    const w99 = pc <= 0.01 ? 0 : (Math.log(pc / 0.01) * serviceS) / (hi - a);
    return { replicas: hi, offeredLoad: a, probWaitExceeds: tail(hi), probWait: pc, waitP99S: w99, approximate: true };
  }
  // Walk the Erlang B recurrence upward from the start point to the first c > a that meets the target.
  let k = 0;
  let b = 1;
  if (a > 400) {
    const c0 = Math.floor(a - 10 * Math.sqrt(a));
    if (c0 > 0) {
      k = c0;
      b = 1 - c0 / a;
    }
  }
  const firstStable = Math.floor(a) + 1;
  for (;;) {
    k++;
    b = (a * b) / (k + a * b);
    if (k < firstStable) continue;
    const pc = (k * b) / (k - a * (1 - b));
    const p = t > 0 ? pc * Math.exp((-(k - a) * t) / serviceS) : pc;
    if (p <= target) {
      const w99 = pc <= 0.01 ? 0 : (Math.log(pc / 0.01) * serviceS) / (k - a);
      return { replicas: Math.max(1, k), offeredLoad: a, probWaitExceeds: p, probWait: pc, waitP99S: w99, approximate: false };
    }
  }
}

/** 99th percentile wait for a given c (seconds); Infinity when unstable. */
export function waitQuantileS(c: number, a: number, serviceS: number, q = 0.99): number {
  if (a <= 0) return 0;
  if (c <= a) return Infinity;
  const pc = erlangC(c, a);
  const tail = 1 - q;
  if (pc <= tail) return 0;
  return (Math.log(pc / tail) * serviceS) / (c - a);
}
