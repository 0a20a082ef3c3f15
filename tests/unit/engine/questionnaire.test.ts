import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, getQuestion, parseQuantity, parseQuestionQuantity, questionnaire, type ParseQuantityResult, type Question } from "~/engine";

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
    expect(parseQuantity("noSuchField", "5").ok).toBe(false);
  });

  it("reads the same from the question itself (the browser's questions come from the server, as JSON)", () => {
    const fromServer = JSON.parse(JSON.stringify(questionnaire)) as typeof questionnaire;
    const texts = ["250 ms", "2 s", "1.5 GB", "3,000 rpm", "$2k", "3 m", "0 ms", "150%", "1.5", "fast", ""];
    for (const question of fromServer.flatMap((step) => step.questions)) {
      for (const text of texts) expect(parseQuestionQuantity(question, text), `${question.field}: ${text}`).toEqual(parseQuantity(question.field, text));
    }
    expect(parseQuestionQuantity(getQuestion("consumer")!, "5")).toEqual({ ok: false, message: '"consumer" is not a numeric question.' });
  });

  it("says exactly what is wrong, in the words the form shows next to the box", () => {
    const q = (field: Parameters<typeof getQuestion>[0]) => getQuestion(field)!;
    const noUnit = { ...q("entityCount"), unit: undefined };
    const cases: [Question, string, ParseQuantityResult][] = [
      [q("latencyBudgetMs"), "", { ok: false, message: "Enter a number." }],
      [q("latencyBudgetMs"), "   ", { ok: false, message: "Enter a number." }],
      [q("latencyBudgetMs"), " 250 ms ", { ok: true, value: 250, normalised: "250 ms" }],
      [q("latencyBudgetMs"), "+5 ms", { ok: true, value: 5, normalised: "5 ms" }],
      [q("latencyBudgetMs"), "10,000 ms", { ok: true, value: 10_000, normalised: "10 s" }],
      [q("latencyBudgetMs"), "  fast ", { ok: false, message: '"fast" does not start with a number.' }],
      [q("latencyBudgetMs"), "x5", { ok: false, message: '"x5" does not start with a number.' }],
      // A dollar sign is read only where the answer is in dollars.
      [q("latencyBudgetMs"), "$5", { ok: false, message: '"$5" does not start with a number.' }],
      [q("monthlyBudgetUsd"), "$ 2k", { ok: true, value: 2000, normalised: "$2,000" }],
      [q("monthlyBudgetUsd"), "$2000", { ok: true, value: 2000, normalised: "$2,000" }],
      [q("latencyBudgetMs"), "1e999", { ok: false, message: '"1e999" is not a finite number.' }],
      [q("latencyBudgetMs"), "0 ms", { ok: false, message: "Latency budget (p99) must be greater than 0 ms." }],
      [q("maxStalenessSeconds"), "-1 s", { ok: false, message: "Maximum staleness must be at least 0 s." }],
      [q("latencyBudgetMs"), "30 d", { ok: true, value: 2_592_000_000, normalised: "30 d" }],
      [q("latencyBudgetMs"), "2,592,000,001", { ok: false, message: "Latency budget (p99) must be at most 2,592,000,000 ms." }],
      [q("activeSharePercent"), "100", { ok: true, value: 100, normalised: "100%" }],
      [q("activeSharePercent"), "150%", { ok: false, message: "Share of entities that need a prediction must be at most 100 %." }],
      [q("entityCount"), "1.5", { ok: false, message: "Entities scored by one full run must be a whole number." }],
      // Unknown units: the question's own, at most eight, the canonical one first, none blank.
      [q("latencyBudgetMs"), "3 parsecs", { ok: false, message: 'Unknown unit "parsecs" for latency budget (p99); use ms, µs, us, msec, millisecond, milliseconds, s, sec.' }],
      [q("entityCount"), "3 m", { ok: false, message: 'Unknown unit "m" for entities scored by one full run; use k, K, thousand, M, mn, million, bn, billion.' }],
      [q("payloadMB"), "6 xb", { ok: false, message: 'Unknown unit "xb" for payload size (request + response); use MB, B, bytes, KB, kB, KiB, MiB, GB.' }],
      // A question without a unit takes bare numbers only.
      [noUnit, "5 k", { ok: false, message: 'Unknown unit "k".' }],
      [noUnit, "-1", { ok: false, message: "Entities scored by one full run must be at least 0." }],
      [noUnit, "2000000000000", { ok: false, message: "Entities scored by one full run must be at most 1,000,000,000,000." }],
    ];
    for (const [question, text, expected] of cases) expect(parseQuestionQuantity(question, text), `${question.field}: "${text}"`).toEqual(expected);
  });
});
