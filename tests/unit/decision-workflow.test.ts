import { describe, expect, it } from "vitest";
import {
  allowedActions,
  DECISION_STATUSES,
  REFUSAL_MESSAGES,
  REVIEW_ACTIONS,
  SUPERSEDE,
  transition,
  type DecisionStatus,
  type Refusal,
  type ReviewAction,
} from "~/features/decisions/workflow";
import { checkOverride, commentRequirement } from "~/features/review/workflow";
import type { Role } from "~/lib/roles";

type Who = "submitter" | "author" | "contributor" | "admin-contributor" | "member" | "reviewer" | "admin" | "admin-submitter" | "system";
const ACTORS: Record<Who, { id: string; role: Role } | null> = {
  submitter: { id: "sub", role: "MEMBER" },
  author: { id: "auth", role: "REVIEWER" },
  /** A reviewer on the team who edited the draft's answers. */
  contributor: { id: "con", role: "REVIEWER" },
  "admin-contributor": { id: "admcon", role: "ADMIN" },
  member: { id: "mem", role: "MEMBER" },
  reviewer: { id: "rev", role: "REVIEWER" },
  admin: { id: "adm", role: "ADMIN" },
  "admin-submitter": { id: "admsub", role: "ADMIN" },
  system: null,
};

/** Every allowed transition; everything not listed must be refused. */
const ALLOWED: [DecisionStatus, ReviewAction, Who, DecisionStatus][] = [
  ["SUBMITTED", "APPROVE", "reviewer", "APPROVED"],
  ["SUBMITTED", "APPROVE", "admin", "APPROVED"],
  ["SUBMITTED", "REJECT", "reviewer", "REJECTED"],
  ["SUBMITTED", "REJECT", "admin", "REJECTED"],
  ["SUBMITTED", "REQUEST_CHANGES", "reviewer", "CHANGES_REQUESTED"],
  ["SUBMITTED", "REQUEST_CHANGES", "admin", "CHANGES_REQUESTED"],
  ["SUBMITTED", "WITHDRAW", "submitter", "WITHDRAWN"],
  ["SUBMITTED", "WITHDRAW", "admin-submitter", "WITHDRAWN"],
  ["APPROVED", "SUPERSEDE", "system", "SUPERSEDED"],
];

/** Everyone who changed the version's answers: the submitter and two teammates with review rights. */
const contributorIds = (submitterId: string) => [submitterId, "con", "admcon"];

const rows = DECISION_STATUSES.flatMap((from) =>
  REVIEW_ACTIONS.flatMap((action) => (Object.keys(ACTORS) as Who[]).map((who) => [from, action, who] as const)),
);

function run(from: DecisionStatus, action: ReviewAction, who: Who) {
  const submitterId = who === "admin-submitter" ? "admsub" : "sub";
  return transition({ from, action, actor: ACTORS[who], submitterId, authorIds: [submitterId, "auth"], contributorIds: contributorIds(submitterId) });
}

describe("review state machine", () => {
  it.each(rows)("%s --%s by %s", (from, action, who) => {
    const allowed = ALLOWED.find(([f, a, w]) => f === from && a === action && w === who);
    const result = run(from, action, who);
    if (allowed) expect(result).toEqual({ ok: true, to: allowed[3] });
    else expect(result.ok).toBe(false);
  });

  it("offers the UI exactly the actions the table allows (review buttons, withdraw)", () => {
    for (const from of DECISION_STATUSES) {
      for (const who of Object.keys(ACTORS) as Who[]) {
        if (who === "system") continue;
        const submitterId = who === "admin-submitter" ? "admsub" : "sub";
        const offered = allowedActions({ from, actor: ACTORS[who], submitterId, authorIds: [submitterId, "auth"], contributorIds: contributorIds(submitterId) });
        const allows = (actions: ReviewAction[]) => ALLOWED.some(([f, a, w]) => f === from && w === who && actions.includes(a));
        expect({ from, who, ...offered }).toEqual({ from, who, canReview: allows(["APPROVE", "REJECT", "REQUEST_CHANGES"]), canWithdraw: allows(["WITHDRAW"]) });
      }
    }
    expect(allowedActions({ from: "SUBMITTED", actor: ACTORS.reviewer, submitterId: "sub", authorIds: ["sub", "auth"] })).toEqual({ canReview: true, canWithdraw: false });
    expect(allowedActions({ from: "SUBMITTED", actor: ACTORS.author, submitterId: "sub", authorIds: ["sub", "auth"] })).toEqual({ canReview: false, canWithdraw: false });
  });

  it("supersedes approved versions, as the table says", () => {
    expect(SUPERSEDE).toEqual({ from: "APPROVED", to: "SUPERSEDED" });
    expect(transition({ from: SUPERSEDE.from, action: "SUPERSEDE", actor: null, submitterId: "", authorIds: [] })).toEqual({ ok: true, to: SUPERSEDE.to });
  });

  it("refuses reviews by an author or submitter as FOUR_EYES, even for admins", () => {
    expect(run("SUBMITTED", "APPROVE", "author")).toEqual({ ok: false, refusal: "FOUR_EYES" });
    expect(run("SUBMITTED", "APPROVE", "admin-submitter")).toEqual({ ok: false, refusal: "FOUR_EYES" });
    expect(run("SUBMITTED", "REJECT", "admin-submitter")).toEqual({ ok: false, refusal: "FOUR_EYES" });
  });

  it("refuses reviews by anyone who changed the answers as CONTRIBUTOR, even for admins, and offers them no review", () => {
    for (const action of ["APPROVE", "REJECT", "REQUEST_CHANGES"] as const) {
      expect(run("SUBMITTED", action, "contributor")).toEqual({ ok: false, refusal: "CONTRIBUTOR" });
      expect(run("SUBMITTED", action, "admin-contributor")).toEqual({ ok: false, refusal: "CONTRIBUTOR" });
    }
    expect(allowedActions({ from: "SUBMITTED", actor: ACTORS.contributor, submitterId: "sub", authorIds: ["sub", "auth"], contributorIds: ["sub", "con"] })).toEqual({ canReview: false, canWithdraw: false });
    expect(allowedActions({ from: "SUBMITTED", actor: ACTORS.contributor, submitterId: "sub", authorIds: ["sub", "auth"], contributorIds: ["sub"] })).toEqual({ canReview: true, canWithdraw: false });
    expect(REFUSAL_MESSAGES.CONTRIBUTOR).toMatch(/changed the answers.*another reviewer/);
  });

  it("names why a transition is refused", () => {
    expect(run("SUBMITTED", "APPROVE", "member")).toEqual({ ok: false, refusal: "ROLE" });
    expect(run("APPROVED", "APPROVE", "reviewer")).toEqual({ ok: false, refusal: "INVALID_STATE" });
    expect(run("SUBMITTED", "WITHDRAW", "reviewer")).toEqual({ ok: false, refusal: "NOT_SUBMITTER" });
    expect(run("APPROVED", "SUPERSEDE", "admin")).toEqual({ ok: false, refusal: "SYSTEM_ONLY" });
    expect(run("SUBMITTED", "APPROVE", "system")).toEqual({ ok: false, refusal: "ROLE" });
    expect(run("SUBMITTED", "WITHDRAW", "system")).toEqual({ ok: false, refusal: "ROLE" });
  });

  it("tells the user why, in a message of its own, for every refusal the table produces", () => {
    const refusals = new Set(rows.map(([from, action, who]) => run(from, action, who)).flatMap((r) => (r.ok ? [] : [r.refusal])));
    expect([...refusals].sort()).toEqual((Object.keys(REFUSAL_MESSAGES) as Refusal[]).sort());
    const messages = [...refusals].map((refusal) => REFUSAL_MESSAGES[refusal]);
    for (const message of messages) expect(message).toMatch(/^[A-Z].{20,}\.$/);
    expect(new Set(messages).size).toBe(messages.length);
    expect(REFUSAL_MESSAGES.FOUR_EYES).toMatch(/another reviewer/);
  });

  it("requires a comment to reject, to request changes and to override", () => {
    expect(commentRequirement("REJECT", false)).toBe("required");
    expect(commentRequirement("REQUEST_CHANGES", false)).toBe("required");
    expect(commentRequirement("APPROVE", false)).toBe("optional");
    expect(commentRequirement("APPROVE", true)).toBe("required");
  });
});

describe("overrides", () => {
  const constraints = [
    { id: "sync-latency", level: "hard" as const, strategies: ["realtime"], message: "Processing exceeds the latency budget." },
    { id: "payload-limit", level: "soft" as const, strategies: ["async", "realtime"], message: "Payload above typical limits." },
    { id: "note", level: "advisory" as const, strategies: ["batch"], message: "FYI." },
  ];
  it("is no override when the approved strategy is the recommended one", () => {
    expect(checkOverride({ recommended: "batch", approved: "batch", constraints, feasible: true })).toEqual({ ok: true, isOverride: false, softConstraintsOverridden: [] });
  });
  it("may not cross a hard constraint, and says which", () => {
    const result = checkOverride({ recommended: "batch", approved: "realtime", constraints, feasible: false });
    expect(result).toEqual({
      ok: false,
      message: "A hard constraint rules out realtime: Processing exceeds the latency budget.",
      hardConstraints: ["sync-latency"],
      reasons: ["Processing exceeds the latency budget."],
    });
    // The constraint rules, whatever the feasibility flag says.
    expect(checkOverride({ recommended: "batch", approved: "realtime", constraints, feasible: true })).toMatchObject({ ok: false, hardConstraints: ["sync-latency"] });
  });
  it("names every hard constraint it crosses", () => {
    const twoHard = [...constraints, { id: "gpu", level: "hard" as const, strategies: ["realtime"], message: "No GPU there." }];
    expect(checkOverride({ recommended: "batch", approved: "realtime", constraints: twoHard, feasible: false })).toMatchObject({
      message: "A hard constraint rules out realtime: Processing exceeds the latency budget. No GPU there.",
      hardConstraints: ["sync-latency", "gpu"],
      reasons: ["Processing exceeds the latency budget.", "No GPU there."],
    });
  });
  it("records the soft constraints an override crosses", () => {
    expect(checkOverride({ recommended: "batch", approved: "async", constraints, feasible: true })).toEqual({
      ok: true,
      isOverride: true,
      softConstraintsOverridden: ["payload-limit"],
    });
  });
  it("refuses an infeasible strategy even without a listed hard constraint", () => {
    expect(checkOverride({ recommended: "batch", approved: "edge", constraints, feasible: false })).toEqual({
      ok: false,
      message: "A hard constraint rules out edge: it is infeasible for these answers.",
      hardConstraints: [],
      reasons: ["Ruled out for these answers."],
    });
  });
  it("records only soft constraints as overridden, not advisory notes", () => {
    expect(checkOverride({ recommended: "async", approved: "batch", constraints, feasible: true })).toEqual({
      ok: true,
      isOverride: true,
      softConstraintsOverridden: [],
    });
  });
});
