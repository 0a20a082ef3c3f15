import { describe, expect, it } from "vitest";
import { answersSchema, assess, type Answers } from "~/engine";
import { CONTRADICTION_RULES, findContradictions } from "~/engine/contradictions";
import { answers } from "./helpers";

/** Each contradiction: answers that clash, the fields it must name, and a near miss that must not fire. */
const CASES: { code: string; clash: Partial<Answers>; fields: string[]; fine: Partial<Answers> }[] = [
  { code: "consumer-vs-latency", clash: { consumer: "report", latencyBudgetMs: 50 }, fields: ["consumer", "latencyBudgetMs"], fine: { consumer: "report", latencyBudgetMs: 3_600_000 } },
  { code: "consumer-vs-latency", clash: { consumer: "user-request", latencyBudgetMs: 7_200_000 }, fields: ["consumer", "latencyBudgetMs"], fine: { consumer: "user-request", latencyBudgetMs: 300 } },
  { code: "latency-below-network", clash: { latencyBudgetMs: 0.001, offlineOrOnDevice: false }, fields: ["latencyBudgetMs", "offlineOrOnDevice"], fine: { latencyBudgetMs: 0.001, offlineOrOnDevice: true } },
  {
    code: "latency-below-processing",
    clash: { latencyBudgetMs: 100, processingTimeMs: 400, featureFreshness: "request" },
    fields: ["latencyBudgetMs", "processingTimeMs", "featureFreshness"],
    // Inputs that change daily can be scored ahead of time: a lookup meets the budget.
    fine: { latencyBudgetMs: 100, processingTimeMs: 400, featureFreshness: "daily" },
  },
  { code: "staleness-vs-freshness", clash: { maxStalenessSeconds: 0, featureFreshness: "daily" }, fields: ["maxStalenessSeconds", "featureFreshness"], fine: { maxStalenessSeconds: 0, featureFreshness: "seconds" } },
  { code: "staleness-vs-fallback", clash: { maxStalenessSeconds: 86_400, fallbackAcceptable: false }, fields: ["maxStalenessSeconds", "fallbackAcceptable"], fine: { maxStalenessSeconds: 30, fallbackAcceptable: false } },
  { code: "enumerable-vs-request-features", clash: { inputsEnumerable: true, featureFreshness: "request" }, fields: ["featureFreshness", "inputsEnumerable"], fine: { inputsEnumerable: false, featureFreshness: "request" } },
  {
    code: "fallback-vs-request-inputs",
    clash: { fallbackAcceptable: true, featureFreshness: "request", inputsEnumerable: false },
    fields: ["featureFreshness", "inputsEnumerable", "fallbackAcceptable"],
    fine: { fallbackAcceptable: true, featureFreshness: "minutes", inputsEnumerable: false },
  },
  { code: "idle-vs-traffic", clash: { idleHoursPerDay: 24, peakRequestsPerSecond: 5 }, fields: ["peakRequestsPerSecond", "idleHoursPerDay"], fine: { idleHoursPerDay: 23, peakRequestsPerSecond: 5 } },
  { code: "idle-vs-traffic", clash: { idleHoursPerDay: 8, peakRequestsPerSecond: 0, avgRequestsPerSecond: 0 }, fields: ["peakRequestsPerSecond", "idleHoursPerDay"], fine: { idleHoursPerDay: 24, peakRequestsPerSecond: 0, avgRequestsPerSecond: 0 } },
  { code: "request-consumer-without-traffic", clash: { consumer: "user-request", peakRequestsPerSecond: 0 }, fields: ["consumer", "peakRequestsPerSecond"], fine: { consumer: "report", peakRequestsPerSecond: 0 } },
  { code: "device-model-too-large", clash: { offlineOrOnDevice: true, modelSizeGB: 40, needsGpu: true }, fields: ["modelSizeGB", "offlineOrOnDevice"], fine: { offlineOrOnDevice: true, modelSizeGB: 0.5, needsGpu: true } },
  { code: "offline-vs-input-source", clash: { offlineOrOnDevice: true, inputSource: "database-table" }, fields: ["inputSource", "offlineOrOnDevice"], fine: { offlineOrOnDevice: true, inputSource: "device" } },
];

describe("contradictions", () => {
  it.each(CASES.map((c) => [c.code, c] as const))("flags %s, naming its fields, and not a near miss", (code, c) => {
    const clash = findContradictions(answers(c.clash)).filter((w) => w.code === code);
    expect(clash).toHaveLength(1);
    expect(clash[0]!.kind).toBe("contradiction");
    expect(clash[0]!.fields).toEqual(c.fields);
    expect(clash[0]!.message.length).toBeGreaterThan(40);
    expect(findContradictions(answers(c.fine)).map((w) => w.code)).not.toContain(code);
  });

  it("covers every rule with a case", () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(CONTRADICTION_RULES.map((r) => r.code)));
  });

  it("needs every answer it reads: unknown answers never contradict", () => {
    expect(findContradictions(answers())).toEqual([]);
    expect(findContradictions(answers({ offlineOrOnDevice: true }))).toEqual([]);
  });

  it("offline on-device with a 40 GB GPU model is flagged in the assessment and lowers confidence", () => {
    const base = answers({ consumer: "user-request", offlineOrOnDevice: true, inputSource: "device", needsGpu: true, modelSizeGB: 0.5, latencyBudgetMs: 200 });
    const fine = assess(base, { flips: false });
    const clash = assess({ ...base, modelSizeGB: 40 }, { flips: false });
    const w = clash.warnings.find((x) => x.code === "device-model-too-large")!;
    expect(w.fields).toEqual(["modelSizeGB", "offlineOrOnDevice"]);
    expect(w.message).toMatch(/40 GB GPU model/);
    expect(fine.warnings.map((x) => x.code)).not.toContain("device-model-too-large");
    const reason = clash.confidence.reasons.find((r) => r.code === "contradictions")!;
    expect(reason.delta).toBeLessThan(0);
    expect(reason.message).toMatch(/the model size and the offline \/ on-device requirement/);
    expect(clash.confidence.value).toBeLessThan(fine.confidence.value);
  });

  it("lowers confidence more for more contradictions (each named)", () => {
    const one = assess(answers({ consumer: "report", latencyBudgetMs: 50 }), { flips: false });
    const two = assess(answers({ consumer: "report", latencyBudgetMs: 50, inputsEnumerable: true, featureFreshness: "request" }), { flips: false });
    const d1 = one.confidence.reasons.find((r) => r.code === "contradictions")!.delta;
    const d2 = two.confidence.reasons.find((r) => r.code === "contradictions")!.delta;
    expect(d2).toBeLessThan(d1);
  });

  it("peak traffic below average is refused by the answers schema before any rule runs", () => {
    expect(answersSchema.safeParse({ consumer: "service-request", avgRequestsPerSecond: 10, peakRequestsPerSecond: 5 }).success).toBe(false);
  });
});
