import { describe, expect, it } from "vitest";
import { erlangB, erlangC, probWaitExceeds, replicasForWaitBudget, waitQuantileS } from "~/engine";

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
    const a = 2_500;
    let b = 1;
    for (let k = 1; k <= 2_600; k++) b = (a * b) / (k + a * b);
    expect(erlangB(2_600, a)).toBeCloseTo(b, 12);
    const c = erlangC(10_100, 10_000);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it("returns 1 when the queue is unstable (c <= a) and 0 with no load", () => {
    expect(erlangC(30, 30)).toBe(1);
    expect(erlangC(5, 0)).toBe(0);
    expect(probWaitExceeds(10, 12, 1, 1)).toBe(1);
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

  it("handles zero load and huge loads", () => {
    expect(replicasForWaitBudget(0, 0.1, 1).replicas).toBe(1);
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
  it("is close to the exact Erlang C at large loads", async () => {
    const { erlangCHalfinWhitt } = await import("~/engine/queueing");
    for (const [c, a] of [
      [10_150, 10_000],
      [10_300, 10_000],
      [20_400, 20_000],
    ] as const) expect(Math.abs(erlangCHalfinWhitt(c, a) - erlangC(c, a))).toBeLessThan(0.02);
  });
});
