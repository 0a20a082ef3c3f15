import { describe, expect, it } from "vitest";
import { erlangB, erlangC, probWaitExceeds, replicasForWaitBudget, waitQuantileS } from "~/engine";
import { erlangCHalfinWhitt, MAX_EXACT_LOAD } from "~/engine/queueing";

/** The Erlang B recurrence run from zero: exact, slow for large c. */
function erlangBFull(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Textbook Erlang B with factorial sums, for small c only. */
function erlangBNaive(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= c; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

describe("Erlang B / C", () => {
  it("matches closed forms for one and two servers", () => {
    expect(erlangB(1, 2)).toBeCloseTo(2 / 3, 12);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12); // M/M/1: P(wait) = rho
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12); // M/M/2, rho = 0.5: 2 rho^2 / (1 + rho)
  });

  it("matches published table values", () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.018384, 5);
    expect(erlangB(5, 2)).toBeCloseTo(0.036697, 5);
    // Call-centre classic: 10 Erlangs on 11 agents waits 68.2% of the time.
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 3);
  });

  it("agrees with the factorial formula for small c", () => {
    for (const a of [0.5, 3, 12.5, 40]) for (const c of [1, 5, 20, 60]) expect(erlangB(c, a)).toBeCloseTo(erlangBNaive(c, a), 12);
  });

  it("is stable for large c (no factorial overflow) and agrees with the full recurrence", () => {
    // Start-point shortcut (a > 400) vs. running the recurrence from zero.
    expect(erlangB(2_600, 2_500)).toBeCloseTo(erlangBFull(2_600, 2_500), 12);
    const c = erlangC(10_100, 10_000);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it("is exact at every c for large loads, below, at and above the load (the shortcut start serves only c >= a)", () => {
    // a = 2,500: for c >= a the recurrence starts at c0 = a - 10·sqrt(a) = 2,000 from the fluid
    // value 1 - c0/a. Started there for c just above c0 it used to be 0.6% off (0.19992 at c = 2,001).
    const a = 2_500;
    for (const c of [10, 1_999, 2_000, 2_001, 2_250, 2_499, 2_500, 2_501, 3_200]) expect(erlangB(c, a)).toBeCloseTo(erlangBFull(c, a), 12);
    expect(erlangB(2_001, a)).toBeCloseTo(0.20117, 5);
  });

  it("returns 1 when the queue is unstable (c <= a) and 0 with no load", () => {
    expect(erlangC(30, 30)).toBe(1);
    expect(erlangC(5, 0)).toBe(0);
    expect(probWaitExceeds(10, 12, 1, 1)).toBe(1);
    expect(erlangB(0, 5)).toBe(1); // no server: everything is blocked
    expect(waitQuantileS(30, 30, 0.1)).toBe(Infinity);
    expect(waitQuantileS(10, 12, 0.1)).toBe(Infinity);
    expect(waitQuantileS(5, 0, 0.1)).toBe(0);
  });

  it("with no load, nothing is blocked and nobody waits, even with no server", () => {
    expect(erlangB(0, 0)).toBe(0);
    expect(erlangC(0, 0)).toBe(0);
    expect(waitQuantileS(0, 0, 0.1)).toBe(0);
  });

  it("treats a wait budget of zero or less as no wait at all: P(wait > budget) = P(wait)", () => {
    const pWait = erlangC(31, 30);
    expect(probWaitExceeds(31, 30, 0, 0.1)).toBe(pWait);
    expect(probWaitExceeds(31, 30, -1, 0.1)).toBe(pWait);
    // The sizing clamps a negative budget the same way (processing longer than the latency budget).
    const negative = replicasForWaitBudget(300, 0.1, -1);
    expect(negative).toEqual(replicasForWaitBudget(300, 0.1, 0));
    expect(negative.probWaitExceeds).toBe(negative.probWait);
  });
});

describe("replica sizing (smallest c with P(wait > budget - processing) <= 1%)", () => {
  it("offered load 30 Erlang needs at least 31 replicas", () => {
    const generous = replicasForWaitBudget(300, 0.1, 60); // a = 30, a whole minute of wait allowed
    expect(generous.offeredLoad).toBeCloseTo(30, 12);
    expect(generous.replicas).toBe(31);
    const tight = replicasForWaitBudget(300, 0.1, 0.05);
    expect(tight.replicas).toBeGreaterThanOrEqual(31);
  });

  it("is the smallest c meeting the target", () => {
    for (const [lambda, s, w] of [
      [400, 0.015, 0.135],
      [1500, 0.008, 0.092],
      [3000, 0.03, 0.05],
      [2, 45, 555],
    ] as const) {
      const r = replicasForWaitBudget(lambda, s, w);
      const a = lambda * s;
      expect(probWaitExceeds(r.replicas, a, w, s)).toBeLessThanOrEqual(0.01);
      if (r.replicas - 1 > a) expect(probWaitExceeds(r.replicas - 1, a, w, s)).toBeGreaterThan(0.01);
      expect(r.replicas).toBeGreaterThan(a);
    }
  });

  it("with no wait allowed needs P(wait) <= 1%", () => {
    const r = replicasForWaitBudget(300, 0.1, 0);
    expect(erlangC(r.replicas, 30)).toBeLessThanOrEqual(0.01);
    expect(erlangC(r.replicas - 1, 30)).toBeGreaterThan(0.01);
  });

  it("reports the sizing at the chosen c: its P(wait), its P(wait > budget) and its p99 wait", () => {
    for (const [lambda, s, w] of [
      [300, 0.1, 0.2], // a = 30: P(wait) above 1%, so the p99 wait is positive
      [300, 0.1, 0],
      [100_000, 0.05, 0.2], // a = 5,000: the shortcut start of the recurrence
    ] as const) {
      const r = replicasForWaitBudget(lambda, s, w);
      const a = lambda * s;
      expect(r.approximate).toBe(false);
      expect(r.probWait).toBeCloseTo(erlangC(r.replicas, a), 12);
      expect(r.probWaitExceeds).toBeCloseTo(probWaitExceeds(r.replicas, a, w, s), 12);
      expect(r.waitP99S).toBeCloseTo(waitQuantileS(r.replicas, a, s), 10);
    }
    const someWait = replicasForWaitBudget(300, 0.1, 0.2);
    expect(someWait.probWait).toBeGreaterThan(0.01);
    expect(someWait.waitP99S).toBeGreaterThan(0);
  });

  it("needs no replica beyond one, and no queue, for zero or negative load", () => {
    const none = { replicas: 1, offeredLoad: 0, probWaitExceeds: 0, probWait: 0, waitP99S: 0, approximate: false };
    expect(replicasForWaitBudget(0, 0.1, 1)).toEqual(none);
    expect(replicasForWaitBudget(-5, 0.1, 1)).toEqual(none);
    expect(replicasForWaitBudget(10, 0, 1)).toEqual(none);
  });

  it("uses the exact recurrence up to MAX_EXACT_LOAD and Halfin-Whitt above it, without a jump at the switch", () => {
    const at = replicasForWaitBudget(MAX_EXACT_LOAD, 1, 0.05);
    const above = replicasForWaitBudget(MAX_EXACT_LOAD + 0.5, 1, 0.05);
    expect(at.approximate).toBe(false);
    expect(above.approximate).toBe(true);
    expect(Math.abs(above.replicas - at.replicas)).toBeLessThanOrEqual(1);
  });

  it("under Halfin-Whitt, is the smallest c meeting the target and reports that c's figures", () => {
    for (const [lambda, s, w] of [
      [250_000, 0.1, 0.05],
      [250_000, 0.1, 0], // no wait allowed
      [1_000_000, 0.05, 0.01],
    ] as const) {
      const r = replicasForWaitBudget(lambda, s, w);
      const a = lambda * s;
      const tail = (c: number) => erlangCHalfinWhitt(c, a) * (w > 0 ? Math.exp((-(c - a) * w) / s) : 1);
      expect(r.approximate).toBe(true);
      expect(tail(r.replicas)).toBeLessThanOrEqual(0.01);
      expect(tail(r.replicas - 1)).toBeGreaterThan(0.01);
      expect(r.probWaitExceeds).toBe(tail(r.replicas));
      expect(r.probWait).toBe(erlangCHalfinWhitt(r.replicas, a));
      // The p99 wait: P(wait > w99) = 1% under the same approximation.
      if (r.probWait > 0.01) expect(r.probWait * Math.exp((-(r.replicas - a) * r.waitP99S) / s)).toBeCloseTo(0.01, 10);
      else expect(r.waitP99S).toBe(0);
    }
  });

  it("handles huge loads", () => {
    const big = replicasForWaitBudget(100_000, 0.05, 0.2); // a = 5,000
    expect(big.replicas).toBeGreaterThan(5_000);
    expect(big.replicas).toBeLessThan(5_300);
    expect(big.approximate).toBe(false);
    // Heavy traffic switches to Halfin-Whitt; it agrees with the exact answer within a few replicas.
    const exact = replicasForWaitBudget(150_000, 0.1, 0.05); // a = 15,000 (exact)
    const approx = replicasForWaitBudget(250_000, 0.1, 0.05); // a = 25,000 (approximate)
    expect(exact.approximate).toBe(false);
    expect(approx.approximate).toBe(true);
    expect(approx.replicas).toBeGreaterThan(25_000);
    expect(approx.replicas - 25_000).toBeLessThan(2 * (exact.replicas - 15_000));
  });

  it("p99 wait is consistent with the tail formula", () => {
    const a = 30;
    const c = 35;
    const w = waitQuantileS(c, a, 0.1);
    expect(probWaitExceeds(c, a, w, 0.1)).toBeCloseTo(0.01, 10);
  });
});

describe("Halfin-Whitt approximation", () => {
  it("is close to the exact Erlang C at large loads", () => {
    for (const [c, a] of [
      [10_150, 10_000],
      [10_300, 10_000],
      [20_400, 20_000],
    ] as const) expect(Math.abs(erlangCHalfinWhitt(c, a) - erlangC(c, a))).toBeLessThan(0.02);
  });

  it("is a probability that falls as servers are added, and 1 at or below the load", () => {
    const a = 10_000;
    expect(erlangCHalfinWhitt(a, a)).toBe(1);
    expect(erlangCHalfinWhitt(a - 50, a)).toBe(1);
    let previous = 1;
    for (const c of [10_001, 10_050, 10_100, 10_200, 10_400]) {
      const p = erlangCHalfinWhitt(c, a);
      expect(p).toBeLessThan(previous);
      expect(p).toBeGreaterThan(0);
      previous = p;
    }
  });
});
