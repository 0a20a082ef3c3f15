import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS, STRATEGY_LABELS, type DraftAnswers } from "~/engine";
import { stepsFor } from "~/features/home/components/next-steps";
import { costOnRecord, decisionOutcome, nextAction, resubmitLink, reviewLink, type OutcomeInput } from "~/features/decisions/present";
import { entityName, entityUseCaseId } from "~/features/audit/present";
import { noticeTitle, notificationAction, NOTICE_TITLE_MAX } from "~/features/notifications/present";
import { assessmentChangeSummary, digestPathLabel, formatDigestValue, threadWithoutDecisionComment } from "~/features/review/present";
import { resubmissionStart } from "~/features/use-cases/workflow";
import { activeNavHref, navigationFor } from "~/lib/roles";

const raj = { name: "Raj Patel" };
const at = new Date("2026-11-30T10:00:00Z");
const base: OutcomeInput = { status: "SUBMITTED", recommended: "realtime", approvedStrategy: null, isOverride: false, reviewedBy: null, reviewedAt: null };

describe("the outcome of a decision version (the decision on record first)", () => {
  it("an override approval heads with the approved strategy, who and when, and names the recommendation second", () => {
    const o = decisionOutcome({ ...base, status: "APPROVED", approvedStrategy: "hybrid", isOverride: true, reviewedBy: raj, reviewedAt: at });
    expect(o.headline).toBe(`Approved: ${STRATEGY_LABELS.hybrid}`);
    expect(o.strategy).toBe("hybrid");
    expect(o.isOverride).toBe(true);
    expect(o.byline).toBe("Approved by Raj Patel");
    expect(o.at).toEqual(at);
    expect(o.recommendation).toBe(`Override: the engine recommended ${STRATEGY_LABELS.realtime}.`);
    expect(o.short).toBe(`${STRATEGY_LABELS.hybrid} (override)`);
  });

  it("an approval of the recommendation is not an override", () => {
    const o = decisionOutcome({ ...base, status: "APPROVED", approvedStrategy: "realtime", reviewedBy: raj, reviewedAt: at });
    expect(o.headline).toBe(`Approved: ${STRATEGY_LABELS.realtime}`);
    expect(o.isOverride).toBe(false);
    expect(o.recommendation).toBe("As the engine recommended.");
    expect(o.short).toBe(STRATEGY_LABELS.realtime);
  });

  it("a superseded version still says what was approved", () => {
    const o = decisionOutcome({ ...base, status: "SUPERSEDED", approvedStrategy: "batch", isOverride: true, reviewedBy: raj, reviewedAt: at });
    expect(o.headline).toBe(`Superseded — was approved: ${STRATEGY_LABELS.batch}`);
    expect(o.strategy).toBe("batch");
  });

  it("rejected, changes requested, awaiting review and withdrawn head with the state, and no strategy is on record", () => {
    expect(decisionOutcome({ ...base, status: "REJECTED", reviewedBy: raj, reviewedAt: at })).toMatchObject({ headline: "Rejected", byline: "Rejected by Raj Patel", strategy: null });
    expect(decisionOutcome({ ...base, status: "CHANGES_REQUESTED", reviewedBy: raj, reviewedAt: at })).toMatchObject({
      headline: "Changes requested",
      byline: "Changes requested by Raj Patel",
      recommendation: `The engine recommended ${STRATEGY_LABELS.realtime}.`,
    });
    expect(decisionOutcome(base)).toMatchObject({ headline: "Submitted, awaiting review", byline: null, at: null, short: "Awaiting review", recommendation: `The engine recommends ${STRATEGY_LABELS.realtime}.` });
    expect(decisionOutcome({ ...base, status: "WITHDRAWN" })).toMatchObject({ kind: "withdrawn", strategy: null, short: "Withdrawn" });
  });

  it("the cost on record is the approved strategy's once approved, the recommended one's before, null when unknown", () => {
    const a = assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers);
    const cost = (s: string) => a.tradeoffs.find((t) => t.strategy === s)!.cost.monthlyUsd;
    expect(cost("hybrid")).not.toBe(cost("realtime"));
    expect(costOnRecord(a.tradeoffs, { status: "APPROVED", recommended: "realtime", approvedStrategy: "hybrid" })).toBe(cost("hybrid"));
    expect(costOnRecord(a.tradeoffs, { status: "SUPERSEDED", recommended: "realtime", approvedStrategy: "hybrid" })).toBe(cost("hybrid"));
    expect(costOnRecord(a.tradeoffs, { status: "SUBMITTED", recommended: "realtime", approvedStrategy: null })).toBe(cost("realtime"));
    const unknown = a.tradeoffs.map((t) => (t.strategy === "hybrid" ? { ...t, cost: { ...t.cost, monthlyUsd: null } } : t));
    expect(costOnRecord(unknown, { status: "APPROVED", recommended: "realtime", approvedStrategy: "hybrid" })).toBeNull();
  });
});

describe("next actions", () => {
  const v = { useCaseId: "uc1", number: 2 };
  const team = { canEditDraft: true, canReview: false, isLatest: true };
  it("the team answers a change request, a rejection or a withdrawal of the latest version with 'Edit answers and resubmit'", () => {
    for (const status of ["CHANGES_REQUESTED", "REJECTED", "WITHDRAWN"]) {
      expect(nextAction({ ...v, status }, team)).toEqual({ label: "Edit answers and resubmit", href: "/use-cases/uc1/edit?from=2" });
    }
    expect(nextAction({ ...v, status: "CHANGES_REQUESTED" }, { ...team, isLatest: false })).toBeNull();
    expect(nextAction({ ...v, status: "CHANGES_REQUESTED" }, { ...team, canEditDraft: false })).toBeNull();
    expect(nextAction({ ...v, status: "APPROVED" }, team)).toBeNull();
  });
  it("a reviewer who may decide gets 'Review'; an author does not", () => {
    expect(nextAction({ ...v, status: "SUBMITTED" }, { canEditDraft: false, canReview: true, isLatest: true })).toEqual({ label: "Review", href: reviewLink("uc1", 2) });
    expect(nextAction({ ...v, status: "SUBMITTED" }, { canEditDraft: false, canReview: false, isLatest: true })).toBeNull();
  });
  it("inbox items offer the same actions", () => {
    expect(notificationAction("DECISION_CHANGES_REQUESTED", "/use-cases/uc1/versions/2")).toEqual({ label: "Edit answers and resubmit", href: resubmitLink("uc1", 2) });
    expect(notificationAction("DECISION_SUBMITTED", "/use-cases/uc1/versions/3")).toEqual({ label: "Review", href: "/use-cases/uc1/versions/3?via=review#review" });
    expect(notificationAction("DECISION_APPROVED", "/use-cases/uc1/versions/3")).toBeNull();
    expect(notificationAction("DECISION_SUBMITTED", "/elsewhere")).toBeNull();
  });
  it("notification titles name who acted, and fit the column whatever the title's length", () => {
    expect(noticeTitle("Raj Patel", "requested changes on", "Card fraud", 2)).toBe("Raj Patel requested changes on Card fraud v2");
    const long = noticeTitle("R".repeat(120), "requested changes on", "T".repeat(120), 12);
    expect(long.length).toBeLessThanOrEqual(NOTICE_TITLE_MAX);
    expect(long.startsWith(`${"R".repeat(120)} requested changes on T`)).toBe(true);
    expect(long.endsWith("… v12")).toBe(true);
  });
});

describe("resubmitting from a reviewed version", () => {
  const v1: DraftAnswers = { latencyBudgetMs: 150, peakRequestsPerSecond: 400 };
  it("opens on the version's answers when the draft is empty or the same", () => {
    expect(resubmissionStart({}, v1, false)).toEqual({ answers: v1, from: "version", draftDiffers: false });
    expect(resubmissionStart({ ...v1 }, v1, false)).toEqual({ answers: v1, from: "version", draftDiffers: false });
  });
  it("keeps a draft that moved on (never silently dropped), unless asked to start from the version", () => {
    const draft = { ...v1, peakRequestsPerSecond: 800 };
    expect(resubmissionStart(draft, v1, false)).toEqual({ answers: draft, from: "draft", draftDiffers: true });
    expect(resubmissionStart(draft, v1, true)).toEqual({ answers: v1, from: "version", draftDiffers: true });
  });
});

describe("compare: flip thresholds", () => {
  const moved = { path: "flips.processingTimeMs~increase", before: 100, after: 150 };
  it("says when a flip threshold moved even though the recommendation did not", () => {
    const text = assessmentChangeSummary([moved]);
    expect(text).not.toContain("the assessment is the same");
    expect(text).toMatch(/^the recommendation is the same and the processing time per prediction \(p50\) flip threshold moved from 100 ms to 150 ms$/);
    expect(digestPathLabel(moved.path)).toBe("Flip threshold · Processing time per prediction (p50) (if higher)");
    expect(formatDigestValue(moved.path, 150)).toBe("150 ms");
  });
  it("puts a changed recommendation first and counts the other figures", () => {
    const text = assessmentChangeSummary([
      { path: "recommended", before: "realtime", after: "hybrid" },
      { path: "scores.batch", before: 40, after: 45 },
      { path: "confidence", before: 0.8, after: 0.7 },
    ]);
    expect(text).toBe(`the recommendation changed from ${STRATEGY_LABELS.realtime} to ${STRATEGY_LABELS.hybrid} and 2 other figures changed`);
    expect(assessmentChangeSummary([])).toBe("the assessment is the same");
  });
});

describe("roles and navigation", () => {
  it("a version reached from the Review queue highlights the Review queue, not My use cases", () => {
    const reviewer = navigationFor("REVIEWER");
    expect(activeNavHref(reviewer, "/use-cases/abc/versions/2", "review")).toBe("/review");
    expect(activeNavHref(reviewer, "/use-cases/abc/versions/2", null)).toBe("/use-cases");
    expect(activeNavHref(reviewer, "/decision-log", null)).toBe("/decision-log");
    // A member has no Review queue: a stray parameter changes nothing.
    expect(activeNavHref(navigationFor("MEMBER"), "/use-cases/abc", "review")).toBe("/use-cases");
  });
  it("the member home promises what the log shows: their teams' decisions; reviewers read every team's", () => {
    const member = stepsFor("MEMBER", ["Payments"]).find((s) => s.href === "/decision-log")!;
    expect(member.body).not.toMatch(/other teams/);
    expect(member.body).toContain("Payments");
    expect(stepsFor("REVIEWER", []).find((s) => s.href === "/decision-log")!.body).toMatch(/Every team's decisions/);
  });
  it("audit rows name the use case rather than its id", () => {
    expect(entityUseCaseId("UseCase", "uc1", {})).toBe("uc1");
    expect(entityUseCaseId("DecisionVersion", "dv1", { useCaseId: "uc1", versionNumber: 2 })).toBe("uc1");
    expect(entityUseCaseId("User", "u1", {})).toBeNull();
    expect(entityName("DecisionVersion", "dv1", { useCaseId: "uc1", versionNumber: 2 }, "Card fraud")).toBe("Card fraud · version 2");
    expect(entityName("UseCase", "uc1", {}, "Card fraud")).toBe("Card fraud");
    expect(entityName("UseCase", "uc1", {}, null)).toBe("uc1");
  });
  it("the reviewer's decision comment shows once: taken out of the thread, other comments kept", () => {
    const reviewer = "r1";
    const comments = [
      { id: "c1", authorId: "m1", createdAt: new Date("2026-11-30T09:00:00Z"), body: "A question" },
      { id: "c2", authorId: reviewer, createdAt: at, body: "Fix the peak load" },
      { id: "c3", authorId: reviewer, createdAt: new Date("2026-11-30T11:00:00Z"), body: "Fix the peak load" },
    ];
    expect(threadWithoutDecisionComment(comments, { reviewedById: reviewer, reviewedAt: at, reviewComment: "Fix the peak load" }).map((c) => c.id)).toEqual(["c1", "c3"]);
    expect(threadWithoutDecisionComment(comments, { reviewedById: null, reviewedAt: null, reviewComment: null })).toHaveLength(3);
  });
});
