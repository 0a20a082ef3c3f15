import { describe, expect, it } from "vitest";
import { checkOverride, commentRequirement, DECISION_STATUSES, REVIEW_ACTIONS, transition, type DecisionStatus, type ReviewAction } from "~/features/review/workflow";
import type { Role } from "~/lib/roles";

type Who = "submitter" | "author" | "member" | "reviewer" | "admin" | "admin-submitter" | "system";
const ACTORS: Record<Who, { id: string; role: Role } | null> = {
  submitter: { id: "sub", role: "MEMBER" },
  author: { id: "auth", role: "REVIEWER" },
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

const rows = DECISION_STATUSES.flatMap((from) =>
  REVIEW_ACTIONS.flatMap((action) => (Object.keys(ACTORS) as Who[]).map((who) => [from, action, who] as const)),
);

function run(from: DecisionStatus, action: ReviewAction, who: Who) {
  const submitterId = who === "admin-submitter" ? "admsub" : "sub";
  return transition({ from, action, actor: ACTORS[who], submitterId, authorIds: [submitterId, "auth"] });
}

describe("review state machine", () => {
  it.each(rows)("%s --%s by %s", (from, action, who) => {
    const allowed = ALLOWED.find(([f, a, w]) => f === from && a === action && w === who);
    const result = run(from, action, who);
    if (allowed) expect(result).toEqual({ ok: true, to: allowed[3] });
    else expect(result.ok).toBe(false);
  });

  it("refuses reviews by an author or submitter as FOUR_EYES, even for admins", () => {
    expect(run("SUBMITTED", "APPROVE", "author")).toEqual({ ok: false, refusal: "FOUR_EYES" });
    expect(run("SUBMITTED", "APPROVE", "admin-submitter")).toEqual({ ok: false, refusal: "FOUR_EYES" });
    expect(run("SUBMITTED", "REJECT", "admin-submitter")).toEqual({ ok: false, refusal: "FOUR_EYES" });
  });

  it("names why a transition is refused", () => {
    expect(run("SUBMITTED", "APPROVE", "member")).toEqual({ ok: false, refusal: "ROLE" });
    expect(run("APPROVED", "APPROVE", "reviewer")).toEqual({ ok: false, refusal: "INVALID_STATE" });
    expect(run("SUBMITTED", "WITHDRAW", "reviewer")).toEqual({ ok: false, refusal: "NOT_SUBMITTER" });
    expect(run("APPROVED", "SUPERSEDE", "admin")).toEqual({ ok: false, refusal: "SYSTEM_ONLY" });
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
  it("may not cross a hard constraint", () => {
    const result = checkOverride({ recommended: "batch", approved: "realtime", constraints, feasible: false });
    expect(result).toMatchObject({ ok: false, hardConstraints: ["sync-latency"] });
  });
  it("records the soft constraints an override crosses", () => {
    expect(checkOverride({ recommended: "batch", approved: "async", constraints, feasible: true })).toEqual({
      ok: true,
      isOverride: true,
      softConstraintsOverridden: ["payload-limit"],
    });
  });
  it("refuses an infeasible strategy even without a listed hard constraint", () => {
    expect(checkOverride({ recommended: "batch", approved: "edge", constraints, feasible: false }).ok).toBe(false);
  });
});
