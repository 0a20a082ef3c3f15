import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS } from "~/engine";
import {
  approvalChoices,
  approvalOptions,
  changedFields,
  criticalityLabel,
  defaultComparison,
  describeApproval,
  digestPathLabel,
  formatDigestValue,
  limitFit,
  pickVersion,
  queueCountText,
  strategyFigures,
  waitingText,
} from "~/features/review/present";
import { notificationKindLabel } from "~/features/notifications/present";
import { EMPTY_QUEUE_FILTERS, hasQueueFilters, queueFiltersSearch, readQueueFilters } from "~/features/review/queue-filters";
import { allowedReviewActions, NOTHING_TO_APPROVE } from "~/features/review/workflow";
import { answers } from "./engine/helpers";

const fraudAssessment = assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers);
// The worked example has a feasible recommendation (checked by the engine example tests).
const fraud = { ...fraudAssessment, recommended: fraudAssessment.recommended! };

describe("review queue filters in the URL", () => {
  it("reads valid filters into form values and the procedure's filter", () => {
    const { values, filter } = readQueueFilters({ team: "team_1", strategy: "batch", criticality: "high", maxConfidence: "70", minAge: "3" });
    expect(values).toEqual({ team: "team_1", strategy: "batch", criticality: "high", maxConfidence: "70", minAge: "3" });
    expect(filter).toEqual({ teamId: "team_1", strategy: "batch", criticality: "high", maxConfidence: 0.7, minAgeDays: 3 });
  });

  it("drops what does not parse instead of failing", () => {
    const { values, filter } = readQueueFilters({ team: "x'; drop", strategy: "teleport", criticality: "meh", maxConfidence: "150", minAge: "2.5" });
    expect(values).toEqual(EMPTY_QUEUE_FILTERS);
    expect(filter).toEqual({});
  });

  it("treats empty fields from a submitted GET form as no filter, and a zero age as none", () => {
    const { values, filter } = readQueueFilters({ team: "", strategy: "", criticality: "", maxConfidence: "", minAge: "0" });
    expect(filter).toEqual({});
    expect(values.minAge).toBe("0");
  });

  it("takes the first of repeated parameters", () => {
    expect(readQueueFilters({ strategy: ["edge", "batch"] }).filter).toEqual({ strategy: "edge" });
  });

  it("writes only the filters that are set", () => {
    expect(queueFiltersSearch(EMPTY_QUEUE_FILTERS)).toBe("");
    expect(queueFiltersSearch({ ...EMPTY_QUEUE_FILTERS, strategy: "async", minAge: "7" })).toBe("?strategy=async&minAge=7");
    expect(hasQueueFilters(EMPTY_QUEUE_FILTERS)).toBe(false);
    expect(hasQueueFilters({ ...EMPTY_QUEUE_FILTERS, team: "t" })).toBe(true);
  });
});

describe("words of the queue and the inbox", () => {
  it("says how long a decision has waited", () => {
    expect(waitingText(0)).toBe("Today");
    expect(waitingText(1)).toBe("1 day");
    expect(waitingText(12)).toBe("12 days");
  });

  it("names counts for screen readers", () => {
    expect(queueCountText(0)).toBe("Nothing waiting for review");
    expect(queueCountText(1)).toBe("1 decision waiting for review");
    expect(queueCountText(4)).toBe("4 decisions waiting for review");
  });

  it("labels notification kinds and criticality, with a fallback", () => {
    expect(notificationKindLabel("DECISION_CHANGES_REQUESTED")).toBe("Changes requested");
    expect(notificationKindLabel("SOMETHING_NEW")).toBe("Update");
    expect(criticalityLabel("critical")).toBe("Critical");
    expect(criticalityLabel(null)).toBe("Not given");
  });
});

describe("nothing feasible (engine 2.0.0)", () => {
  it("offers no strategy to approve: every option is blocked with the reason, as the server refuses", () => {
    const none = assess(answers({ consumer: "user-request", latencyBudgetMs: 0.001 }));
    expect(none.recommended).toBeNull();
    const opts = approvalOptions(none.ranking, none.constraints, none.recommended);
    expect(opts.every((o) => o.blockedReason !== null && !o.recommended)).toBe(true);
    expect(describeApproval("realtime", null, none.constraints, false).blocked).toBe(NOTHING_TO_APPROVE);
    expect(allowedReviewActions(null)).toEqual(["REJECT", "REQUEST_CHANGES"]);
    expect(allowedReviewActions("batch")).toEqual(["APPROVE", "REJECT", "REQUEST_CHANGES"]);
  });
});

describe("approving another strategy", () => {
  const options = approvalOptions(fraud.ranking, fraud.constraints, fraud.recommended);

  it("lists every ranked strategy, the recommended one marked, hard-ruled ones with their reason", () => {
    // Card payments at checkout (engine 2.0.0): a 150 ms budget rules out queues, streams and
    // triggered jobs; request-time inputs rule out a scheduled batch (and so the hybrid's precompute).
    expect(options.map((o) => [o.strategy, o.recommended, o.blockedReason === null])).toEqual([
      ["realtime", true, true],
      ["edge", false, true],
      ["async", false, false],
      ["hybrid", false, false],
      ["streaming", false, false],
      ["batch", false, false],
    ]);
    const batch = options.find((o) => o.strategy === "batch")!;
    expect(batch.blockedReason).toMatch(/^Neither a scheduled run \(the model needs request-time inputs.*nor a per-item triggered job/);
  });

  it("blocks exactly what the server refuses to approve (the same checkOverride)", () => {
    const infeasible = fraud.ranking.map((r) => (r.strategy === "edge" ? { ...r, feasible: false } : r));
    const withInfeasible = approvalOptions(infeasible, [], fraud.recommended);
    expect(withInfeasible.find((o) => o.strategy === "edge")!.blockedReason).toBe("Ruled out for these answers.");
    // Batch is infeasible in the ranking itself (its hard rules made it so).
    expect(withInfeasible.filter((o) => o.blockedReason !== null).map((o) => o.strategy)).toEqual(["edge", "async", "hybrid", "streaming", "batch"]);
    // The recommended strategy is never blocked, even when a hard constraint names it.
    const againstRecommended = [{ id: "x", level: "hard" as const, strategies: [fraud.recommended], message: "Nope." }];
    expect(approvalOptions(fraud.ranking, againstRecommended, fraud.recommended).find((o) => o.recommended)!.blockedReason).toBeNull();
    for (const o of options) {
      const server = describeApproval(o.strategy, fraud.recommended, fraud.constraints, fraud.ranking.find((r) => r.strategy === o.strategy)!.feasible);
      expect(o.blockedReason === null).toBe(server.blocked === null);
    }
  });

  it("calls a feasible alternative an override, with the soft rules it crosses", () => {
    const alternative = fraud.ranking.find((r) => r.feasible && r.strategy !== fraud.recommended)!;
    const result = describeApproval(alternative.strategy, fraud.recommended, fraud.constraints, true);
    expect(result.isOverride).toBe(true);
    expect(result.blocked).toBeNull();
    const soft = fraud.constraints.filter((c) => c.level === "soft" && c.strategies.includes(alternative.strategy));
    expect(result.softConstraints.map((c) => c.id)).toEqual(soft.map((c) => c.id));
  });

  it("is no override for the recommended strategy, and blocked for a hard-ruled one", () => {
    expect(describeApproval(fraud.recommended, fraud.recommended, fraud.constraints, true)).toEqual({ isOverride: false, blocked: null, softConstraints: [] });
    const ruledOut = options.find((o) => o.blockedReason)!;
    expect(describeApproval(ruledOut.strategy, fraud.recommended, fraud.constraints, false).blocked).toMatch(/hard constraint/);
  });
});

describe("the choices review.state sends the decide form", () => {
  it("carry, per strategy, the same block, override and limit fit the form used to work out itself", () => {
    const figures = strategyFigures(fraud);
    const limits = { latencyBudgetMs: 150, maxStalenessSeconds: 0, monthlyBudgetUsd: 100 };
    const choices = approvalChoices(fraud.ranking, fraud.constraints, fraud.recommended, figures, limits);
    expect(choices.map((c) => c.strategy)).toEqual(fraud.ranking.map((r) => r.strategy));
    for (const [i, c] of choices.entries()) {
      const r = fraud.ranking[i]!;
      expect(c.approval).toEqual(describeApproval(r.strategy, fraud.recommended, fraud.constraints, r.feasible));
      expect(c.fit).toEqual(r.strategy === fraud.recommended ? null : limitFit(figures[r.strategy], limits));
    }
    // The recommended strategy needs no fit; an alternative that misses the 150 ms budget says by how much.
    const async = choices.find((c) => c.strategy === "async")!;
    expect(async.fit?.checks.find((k) => k.limit === "latency")?.outcome).toBe("miss");
    expect(approvalChoices(fraud.ranking, fraud.constraints, fraud.recommended, null, null).every((c) => c.fit === null)).toBe(true);
  });
});

describe("the compared assessment digest", () => {
  it("labels paths of the server's diff", () => {
    expect(digestPathLabel("recommended")).toBe("Recommended strategy");
    expect(digestPathLabel("scores.batch")).toBe("Score · Batch scoring");
    expect(digestPathLabel("monthlyCostUsd.realtime")).toBe("Monthly cost · Real-time endpoint");
    expect(digestPathLabel("somethingElse")).toBe("somethingElse");
  });

  it("formats values in words and units", () => {
    expect(formatDigestValue("recommended", "async")).toBe("Asynchronous endpoint");
    expect(formatDigestValue("confidence", 0.72)).toBe("72%");
    expect(formatDigestValue("scores.edge", 41.25)).toBe("41.3");
    expect(formatDigestValue("monthlyCostUsd.batch", 1234.4)).toBe("$1,234");
    expect(formatDigestValue("monthlyCostUsd.batch", null)).toBe("unknown");
    expect(formatDigestValue("p99LatencyMs.realtime", 250)).toBe("250 ms");
    expect(formatDigestValue("feasible.edge", false)).toBe("No — ruled out");
    expect(formatDigestValue("serving", null)).toBe("Not applicable");
    expect(formatDigestValue("serving", "scale-to-zero")).toBe("Scale to zero when idle");
    expect(formatDigestValue("scores.batch", undefined)).toBe("—");
  });

  it("finds the answer fields a diff touched", () => {
    expect([...changedFields([{ path: "peakRequestsPerSecond" }, { path: "latencyBudgetMs" }])]).toEqual(["peakRequestsPerSecond", "latencyBudgetMs"]);
  });

  it("picks the versions to compare from the URL or defaults to the last two", () => {
    expect(defaultComparison([3, 1, 2])).toEqual({ from: 2, to: 3 });
    expect(defaultComparison([1])).toBeNull();
    expect(pickVersion("2", [1, 2, 3])).toBe(2);
    expect(pickVersion("9", [1, 2, 3])).toBeNull();
    expect(pickVersion("02", [1, 2])).toBeNull();
    expect(pickVersion(undefined, [1, 2])).toBeNull();
  });
});

describe("how far an override misses the team's limits", () => {
  const card = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
  const limits = { latencyBudgetMs: card.latencyBudgetMs ?? null, maxStalenessSeconds: card.maxStalenessSeconds ?? null, monthlyBudgetUsd: card.monthlyBudgetUsd ?? null };
  const figures = strategyFigures(fraud);

  it("reads each strategy's p99, staleness and cost from the stored assessment", () => {
    const asyncTradeoff = fraud.tradeoffs.find((t) => t.strategy === "async")!;
    expect(figures.async).toEqual({ p99LatencyMs: asyncTradeoff.latency.p99Ms, stalenessSeconds: 0, monthlyCostUsd: asyncTradeoff.cost.monthlyUsd });
    // Streaming is infeasible for card fraud under engine 2.0 (no estimates): its trade-off latency is the same figure.
    expect(fraud.estimates.streaming).toBeNull();
    expect(figures.streaming.stalenessSeconds).toBe(fraud.tradeoffs.find((t) => t.strategy === "streaming")!.latency.p99Ms! / 1000);
    expect(strategyFigures({ ...fraud, estimates: { ...fraud.estimates, streaming: { endToEndLatencyMs: 2500 } } }).streaming.stalenessSeconds).toBe(2.5);
    expect(figures.realtime.stalenessSeconds).toBe(0);
    expect(figures.hybrid.monthlyCostUsd).toBe(fraud.tradeoffs.find((t) => t.strategy === "hybrid")!.cost.monthlyUsd);
  });

  it("says by how much async misses the card-fraud latency budget (p99 about 1 s against 150 ms)", () => {
    expect(limits.latencyBudgetMs).toBe(150);
    const fit = limitFit(figures.async, limits);
    const latency = fit.checks.find((c) => c.limit === "latency")!;
    expect(latency.outcome).toBe("miss");
    expect(latency.text).toMatch(/^Its p99 latency is 1\.0\d s against a 150 ms latency budget: 8\d\d ms over \(6\.\d×\)\.$/);
    expect(fit.checks.find((c) => c.limit === "staleness")!.outcome).toBe("meets");
    expect(fit.checks.find((c) => c.limit === "cost")!).toMatchObject({ outcome: "meets", text: expect.stringMatching(/^Its monthly cost is \$\d{3}, within the \$5,000 monthly budget\.$/) });
    expect(fit.misses).toBe(1);
    expect(fit.summary).toBe("It misses the latency budget.");
  });

  it("names every limit streaming misses: latency and staleness", () => {
    const fit = limitFit(figures.streaming, limits);
    expect(fit.checks.map((c) => c.outcome)).toEqual(["miss", "miss", "meets"]);
    expect(fit.checks[1]!.text).toMatch(/^The age of its predictions is 1\.0\d s against a 0 s staleness limit: 1\.0\d s over\.$/);
    expect(fit.summary).toBe("It misses the latency budget and the staleness limit.");
  });

  it("says each miss in the unit of the limit, with how many times over", () => {
    const fit = limitFit({ p99LatencyMs: 1000, stalenessSeconds: 5400, monthlyCostUsd: 900 }, { latencyBudgetMs: 150, maxStalenessSeconds: 3600, monthlyBudgetUsd: 1000 });
    expect(fit.checks.map((c) => c.text)).toEqual([
      "Its p99 latency is 1 s against a 150 ms latency budget: 850 ms over (6.7×).",
      "The age of its predictions is 1.5 h against a 1 h staleness limit: 30 min over (1.5×).",
      "Its monthly cost is $900, within the $1,000 monthly budget.",
    ]);
    expect(fit.summary).toBe("It misses the latency budget and the staleness limit.");
  });

  it("misses the budget by the difference in dollars", () => {
    const fit = limitFit({ p99LatencyMs: 20, stalenessSeconds: 0, monthlyCostUsd: 12_500 }, { latencyBudgetMs: 100, maxStalenessSeconds: 60, monthlyBudgetUsd: 5_000 });
    expect(fit.checks[2]).toEqual({ limit: "cost", outcome: "miss", text: "Its monthly cost is $12,500 against a $5,000 monthly budget: $7,500 over (2.5×)." });
    expect(fit.summary).toBe("It misses the monthly budget.");
  });

  it("says it meets all three only when all three were checked and met", () => {
    expect(limitFit(figures.edge, limits)).toMatchObject({ misses: 0, summary: "It meets the latency budget, the staleness limit and the monthly budget." });
    const costUnknown = limitFit({ ...figures.edge, monthlyCostUsd: null }, limits);
    expect(costUnknown.summary).toBe("It meets the latency budget and the staleness limit; the monthly budget could not be checked.");
    expect(costUnknown.checks[2]!.outcome).toBe("unknown");
    const noBudget = limitFit(figures.edge, { ...limits, monthlyBudgetUsd: null });
    expect(noBudget.checks[2]).toMatchObject({ outcome: "no-limit", text: "No monthly budget was given, so its monthly cost is not checked." });
    expect(noBudget.summary).not.toMatch(/meets the latency budget, the staleness limit and/);
    expect(limitFit(figures.edge, { latencyBudgetMs: null, maxStalenessSeconds: null, monthlyBudgetUsd: null }).summary).toBe("None of the team's limits could be checked for it.");
  });

  it("a figure exactly at the limit meets it", () => {
    expect(limitFit({ p99LatencyMs: 150, stalenessSeconds: 0, monthlyCostUsd: 5000 }, limits).misses).toBe(0);
  });

  it("reads a partial or malformed assessment as unknown figures instead of failing", () => {
    const loose = strategyFigures({ tradeoffs: [{ strategy: "async", latency: { p99Ms: "fast" }, cost: null }], estimates: null });
    expect(loose.async).toEqual({ p99LatencyMs: null, stalenessSeconds: 0, monthlyCostUsd: null });
    expect(loose.batch).toEqual({ p99LatencyMs: null, stalenessSeconds: null, monthlyCostUsd: null });
    expect(strategyFigures(null).streaming.stalenessSeconds).toBeNull();
    expect(limitFit(loose.async, limits).checks[0]!.outcome).toBe("unknown");
  });
});
