import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, parseQuantity, questionnaire } from "~/engine";

describe("questionnaire definition", () => {
  it("has the six steps of the form, covering every field exactly once", () => {
    expect(questionnaire.map((s) => s.id)).toEqual(["consumer", "latency-freshness", "load", "payload-model", "data-delivery", "budget-criticality"]);
    const fields = questionnaire.flatMap((s) => s.questions.map((q) => q.field));
    expect([...fields].sort()).toEqual([...ANSWER_FIELDS].sort());
  });

  it("every question is explained and its example is a valid answer", () => {
    for (const q of questionnaire.flatMap((s) => s.questions)) {
      expect(q.label.length).toBeGreaterThan(3);
      expect(q.help.length).toBeGreaterThan(10);
      expect(q.required).toBe(q.field === "consumer");
      if (q.kind === "enum" || q.kind === "boolean") expect(q.options!.some((o) => o.value === q.example)).toBe(true);
      if (q.kind === "number" || q.kind === "integer") {
        expect(q.unit).toBeDefined();
        expect(typeof q.example).toBe("number");
        expect(q.min).toBeDefined();
        expect(q.max).toBeDefined();
      }
    }
  });

  it("is serialisable as JSON (for the CLI and the browser)", () => {
    expect(JSON.parse(JSON.stringify(questionnaire))).toEqual(questionnaire);
  });
});

describe("parseQuantity", () => {
  const ok = (field: string, text: string) => {
    const r = parseQuantity(field, text);
    if (!r.ok) throw new Error(r.message);
    return r;
  };

  it("converts times to the field's unit", () => {
    expect(ok("latencyBudgetMs", "250 ms").value).toBe(250);
    expect(ok("latencyBudgetMs", "2 s").value).toBe(2000);
    expect(ok("latencyBudgetMs", "1.5min").value).toBe(90_000);
    expect(ok("latencyBudgetMs", "250").value).toBe(250);
    expect(ok("maxStalenessSeconds", "1 h").value).toBe(3600);
    expect(ok("maxStalenessSeconds", "2 days").value).toBe(172_800);
    expect(ok("maxStalenessSeconds", "1 h").normalised).toBe("1 h");
    expect(ok("maxStalenessSeconds", "0 s").normalised).toBe("0 s");
    expect(ok("processingTimeMs", "500 us").value).toBe(0.5);
  });

  it("converts sizes, rates, counts and money", () => {
    expect(ok("modelSizeGB", "1.5 GB").value).toBe(1.5);
    expect(ok("modelSizeGB", "300 MB").value).toBe(0.3);
    expect(ok("payloadMB", "1.5 GB").value).toBe(1500);
    expect(ok("payloadMB", "20 KB").value).toBe(0.02);
    expect(ok("payloadMB", "6 MiB").value).toBeCloseTo(6.291456, 9);
    expect(ok("peakRequestsPerSecond", "3,000 rpm").value).toBe(50);
    expect(ok("avgRequestsPerSecond", "50 rps").value).toBe(50);
    expect(ok("entityCount", "2.5 M").value).toBe(2_500_000);
    expect(ok("entityCount", "250k").value).toBe(250_000);
    expect(ok("entityCount", "1,000,000").value).toBe(1_000_000);
    expect(ok("monthlyBudgetUsd", "$2,000").value).toBe(2000);
    expect(ok("monthlyBudgetUsd", "$2k").value).toBe(2000);
    expect(ok("monthlyBudgetUsd", "1500 USD").normalised).toBe("$1,500");
    expect(ok("activeSharePercent", "40 %").value).toBe(40);
    expect(ok("idleHoursPerDay", "90 min").value).toBe(1.5);
  });

  it("accepts case variants only when unambiguous", () => {
    expect(ok("latencyBudgetMs", "250 MS").value).toBe(250);
    const mb = parseQuantity("payloadMB", "6 mb");
    expect(mb.ok && mb.value).toBe(6);
    // "m" could be minutes or million: never guessed.
    expect(parseQuantity("entityCount", "3 m").ok).toBe(false);
    expect(parseQuantity("latencyBudgetMs", "3 m").ok).toBe(false);
  });

  it("rejects unknown units, garbage, out-of-range values and non-numeric questions", () => {
    const unit = parseQuantity("latencyBudgetMs", "3 parsecs");
    expect(unit.ok).toBe(false);
    if (!unit.ok) expect(unit.message).toMatch(/Unknown unit "parsecs"/);
    expect(parseQuantity("latencyBudgetMs", "fast").ok).toBe(false);
    expect(parseQuantity("latencyBudgetMs", "").ok).toBe(false);
    expect(parseQuantity("latencyBudgetMs", "0 ms").ok).toBe(false);
    expect(parseQuantity("activeSharePercent", "150%").ok).toBe(false);
    expect(parseQuantity("entityCount", "1.5").ok).toBe(false);
    expect(parseQuantity("consumer", "5").ok).toBe(false);
  });
});
