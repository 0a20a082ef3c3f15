import { describe, expect, it } from "vitest";
import { assess, formatAnswer, getQuestion, parseQuantity, type AnswerField } from "~/engine";
import { formatFieldQuantity } from "~/engine/answer-text";
import { formatInUnit } from "~/engine/format";
import { answers } from "./helpers";

/** Issue 13 item 6: one unit per quantity across the page, in the questionnaire's unit family. */
describe("one unit per quantity", () => {
  it.each([
    ["ms", 150, "150 ms"],
    ["ms", 2_000, "2 s"],
    ["ms", 90_000, "1.5 min"],
    ["ms", 1_234.5, "1,234.5 ms"],
    ["s", 0, "0 s"],
    ["s", 0.5, "0.5 s"],
    ["s", 3_600, "1 h"],
    ["s", 86_000, "86,000 s"],
    ["s", 3_610, "3,610 s"],
    ["MB", 0.005, "0.005 MB"],
    ["MB", 1_500, "1.5 GB"],
    ["GB", 0.3, "0.3 GB"],
    ["USD", 2_000, "$2,000"],
    ["%", 60, "60%"],
    ["req/s", 0.5, "0.5 req/s"],
    ["", 250_000, "250,000"],
  ])("formatInUnit(%s, %d) is %s", (unit, value, text) => {
    expect(formatInUnit(unit, value)).toBe(text);
  });

  it("writes what the form reads back exactly as the decision page and the flips write it", () => {
    const cases: [AnswerField, string, string][] = [
      ["payloadMB", "5 KB", "0.005 MB"],
      ["maxStalenessSeconds", "0 s", "0 s"],
      ["maxStalenessSeconds", "2 h", "2 h"],
      ["latencyBudgetMs", "2 s", "2 s"],
      ["latencyBudgetMs", "130 ms", "130 ms"],
      ["modelSizeGB", "300 MB", "0.3 GB"],
      ["monthlyBudgetUsd", "$2k", "$2,000"],
    ];
    for (const [field, typed, shown] of cases) {
      const parsed = parseQuantity(field, typed);
      expect(parsed.ok && parsed.normalised, `${field} ${typed}`).toBe(shown);
      const value = parsed.ok ? parsed.value : NaN;
      expect(formatAnswer(getQuestion(field)!, value)).toBe(shown);
      expect(formatFieldQuantity(field, value)).toBe(shown);
    }
  });

  it("flips write the payload in MB, as the form does (not KB)", () => {
    const a = assess(answers({ consumer: "service-request", latencyBudgetMs: 2_000, processingTimeMs: 200, payloadMB: 0.005, featureFreshness: "request", inputsEnumerable: false, deliveryMode: "response", inputSource: "http-request", offlineOrOnDevice: false }));
    const text = a.flips.map((f) => f.message).join(" ") + a.confidence.reasons.map((r) => r.message).join(" ");
    expect(text).not.toMatch(/\bKB\b/);
    const payload = a.flips.find((f) => f.field === "payloadMB");
    if (payload) expect(payload.message).toContain("(now 0.005 MB)");
  });

  it("lists each accepted unit once when a unit is not understood", () => {
    const r = parseQuantity("latencyBudgetMs", "5 parsecs");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const list = r.message.slice(r.message.indexOf("use ") + 4).replace(/\.$/, "").split(", ");
      expect(list[0]).toBe("ms");
      expect(new Set(list).size).toBe(list.length);
    }
  });
});
