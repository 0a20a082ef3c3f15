import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS, recommend, type Answers } from "~/engine";
import { answers } from "./helpers";

describe("flips", () => {
  it("reports the latency budget at which the recommendation changes, verified", () => {
    const a = assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers);
    const down = a.flips.find((f) => f.field === "latencyBudgetMs" && f.direction === "decrease")!;
    expect(down).toBeDefined();
    expect(down.value).toBeLessThan(150);
    expect(recommend({ ...EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers, latencyBudgetMs: down.value })).toBe(down.to);
    expect(down.message).toMatch(/^If the latency budget were lowered to/);
  });

  it("finds step thresholds exactly (payload over the 6 MB synchronous limit)", () => {
    const base: Answers = answers({ consumer: "service-request", latencyBudgetMs: 2_000, processingTimeMs: 200, payloadMB: 2, featureFreshness: "request", inputsEnumerable: false, deliveryMode: "response", inputSource: "http-request", offlineOrOnDevice: false });
    const a = assess(base);
    expect(a.recommended).toBe("realtime");
    const f = a.flips.find((x) => x.field === "payloadMB" && x.direction === "increase");
    expect(f).toBeDefined();
    expect(f!.value).toBeGreaterThan(6);
    expect(f!.value).toBeLessThanOrEqual(6.03);
    expect(f!.boundary).toBeLessThanOrEqual(6);
    expect(recommend({ ...base, payloadMB: 6 })).toBe("realtime");
  });

  it("is the nearest change for step-only fields (dense scan finds nothing closer)", () => {
    for (const ex of Object.values(EXAMPLE_ANSWERS)) {
      const a = assess(ex.answers);
      for (const f of a.flips.filter((x) => x.field === "payloadMB" || x.field === "activeSharePercent")) {
        const from = f.current;
        const steps = 400;
        for (let k = 1; k < steps; k++) {
          const v = from + ((f.value - from) * k) / steps;
          if (Math.abs(v - f.value) < 1e-9) continue;
          if ((f.direction === "increase" && v >= f.boundary + 1e-9 && v < f.value) || (f.direction === "decrease" && v <= f.boundary - 1e-9 && v > f.value)) continue;
          expect(recommend({ ...ex.answers, [f.field]: v })).toBe(a.recommended);
        }
      }
    }
  });

  it("are sorted by field and skipped for unknown answers", () => {
    const a = assess(answers({ consumer: "report", maxStalenessSeconds: 86_400 }));
    for (const f of a.flips) expect(f.field).toBe("maxStalenessSeconds");
  });
});
