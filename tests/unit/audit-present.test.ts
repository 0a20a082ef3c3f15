import { describe, expect, it } from "vitest";
import { readAuditParams } from "~/features/audit/audit-state";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "~/features/audit/choices";
import {
  actionLabel,
  describeTimelineEvent,
  entityHref,
  entityTypeLabel,
  formatEventTime,
  summarizePayload,
  timelineQuote,
  eventView,
} from "~/features/audit/present";

const review = (over: Record<string, unknown> = {}) => ({
  useCaseId: "uc1",
  versionNumber: 1,
  statusBefore: "SUBMITTED",
  statusAfter: "APPROVED",
  version: 2,
  comment: null,
  recommended: "realtime",
  approvedStrategy: "realtime",
  override: null,
  ...over,
});

describe("audit presentation", () => {
  it("lists the known actions and entity types from the payload union", () => {
    expect(AUDIT_ACTIONS).toContain("DECISION_APPROVED");
    expect(AUDIT_ACTIONS).toContain("SIGN_IN_FAILED");
    expect([...AUDIT_ACTIONS]).toEqual([...AUDIT_ACTIONS].sort());
    expect(AUDIT_ENTITY_TYPES).toEqual(expect.arrayContaining(["DecisionVersion", "UseCase", "User"]));
  });

  it("labels actions and entity types in words", () => {
    expect(actionLabel("DECISION_CHANGES_REQUESTED")).toBe("Decision changes requested");
    expect(entityTypeLabel("DecisionVersion")).toBe("Decision version");
  });

  it("describes a decision's events as sentences", () => {
    expect(describeTimelineEvent({ action: "DECISION_SUBMITTED", actorName: "Maya Chen", payload: { versionNumber: 2 } })).toBe("Maya Chen submitted version 2");
    expect(
      describeTimelineEvent({ action: "DECISION_APPROVED", actorName: "Raj Patel", payload: review({ approvedStrategy: "batch", override: { justification: "x", softConstraintsOverridden: [] } }) }),
    ).toBe("Raj Patel approved version 1 (override: batch)");
    expect(describeTimelineEvent({ action: "DECISION_APPROVED", actorName: "Raj Patel", payload: review() })).toBe("Raj Patel approved version 1");
    expect(describeTimelineEvent({ action: "DECISION_CHANGES_REQUESTED", actorName: "Sofia", payload: review() })).toBe("Sofia requested changes to version 1");
    expect(describeTimelineEvent({ action: "DECISION_SUPERSEDED", actorName: "Maya", payload: { versionNumber: 1, supersededByNumber: 2 } })).toBe(
      "Version 1 was superseded by version 2",
    );
    expect(describeTimelineEvent({ action: "USE_CASE_CREATED", actorName: "Maya Chen", payload: {} })).toBe("Maya Chen created the use case");
    expect(describeTimelineEvent({ action: "USE_CASE_DETAILS_CHANGED", actorName: "Maya", payload: { before: { title: "a" }, after: { title: "b" } } })).toBe("Maya changed the title");
    expect(describeTimelineEvent({ action: "SOMETHING_NEW", actorName: "Ada", payload: {} })).toBe("Ada: something new");
  });

  it("quotes review comments and comment bodies", () => {
    expect(timelineQuote({ action: "DECISION_REJECTED", actorName: "R", payload: review({ comment: " Too costly. " }) })).toBe("Too costly.");
    expect(timelineQuote({ action: "COMMENT_ADDED", actorName: "R", payload: { body: "Why batch?" } })).toBe("Why batch?");
    expect(timelineQuote({ action: "DECISION_SUBMITTED", actorName: "R", payload: {} })).toBeNull();
  });

  it("summarises payloads in one line, including actions it does not know", () => {
    expect(summarizePayload("DECISION_SUBMITTED", { versionNumber: 2, recommended: "batch", confidence: 0.715, engineVersion: "1.1.0" })).toBe(
      "version 2 · recommended batch · confidence 72% · engine 1.1.0",
    );
    expect(summarizePayload("DECISION_APPROVED", review({ approvedStrategy: "batch", override: { justification: "x" }, comment: "ok" }))).toBe(
      'version 1: SUBMITTED → APPROVED · override: batch instead of realtime · "ok"',
    );
    expect(summarizePayload("DECISION_LOG_EXPORTED", { format: "csv", filter: { status: "APPROVED" }, rows: 12 })).toBe("csv · 12 rows · status=APPROVED");
    expect(summarizePayload("USER_ROLE_CHANGED", { email: "raj@x.test", before: { role: "REVIEWER" }, after: { role: "ADMIN" } })).toBe(
      'raj@x.test · role: "REVIEWER" → "ADMIN"',
    );
    expect(summarizePayload("USE_CASE_DETAILS_CHANGED", { before: { title: "A", tags: ["x"] }, after: { title: "A", tags: ["x", "y"] } })).toBe("tags: x → x, y");
    expect(summarizePayload("SIGN_IN_FAILED", { email: "a@b", reason: "invalid", method: "password" })).toBe("a@b · invalid · via password");
    expect(summarizePayload("UNKNOWN_THING", { a: 1, b: "two" })).toBe('a: 1 · b: "two"');
    expect(summarizePayload("UNKNOWN_THING", null)).toBe("—");
  });

  it("links entities that have a page", () => {
    expect(entityHref("UseCase", "uc1", {})).toBe("/use-cases/uc1");
    expect(entityHref("DecisionVersion", "dv1", { useCaseId: "uc1", versionNumber: 3 })).toBe("/use-cases/uc1/versions/3");
    expect(entityHref("User", "u1", {})).toBeNull();
  });

  it("formats times in UTC, with the year only when it is not this year's", () => {
    const at = new Date("2026-11-28T14:03:59Z");
    expect(formatEventTime(at, new Date("2026-12-01T00:00:00Z"))).toBe("28 Nov 14:03");
    expect(formatEventTime(at, new Date("2027-01-02T00:00:00Z"))).toBe("28 Nov 2026 14:03");
  });
});

describe("an event as the viewer's table shows it (audit.list's view)", () => {
  it("names the use case and links to the version, in the same words as the helpers", () => {
    const event = {
      action: "DECISION_APPROVED",
      entityType: "DecisionVersion",
      entityId: "dv_1",
      payload: { useCaseId: "uc_1", versionNumber: 2, approvedStrategy: "edge" },
      occurredAt: new Date("2025-11-28T14:03:00Z"),
      hash: "abcdef0123456789abcdef",
    };
    const view = eventView(event, "Card fraud", new Date("2026-12-02T00:00:00Z"));
    expect(view).toMatchObject({
      actionLabel: "Decision approved",
      entityTypeLabel: "Decision version",
      entityName: "Card fraud · version 2",
      entityHref: "/use-cases/uc_1/versions/2",
      time: "28 Nov 2025 14:03",
      shortHash: "abcdef012345…",
    });
    expect(view.summary).toBe(summarizePayload(event.action, event.payload));
    expect(eventView({ ...event, entityType: "User", payload: {} }, null, event.occurredAt)).toMatchObject({ entityName: "dv_1", entityHref: null, time: "28 Nov 14:03" });
  });
});

describe("audit viewer URL state", () => {
  it("reads filters, and explains the ones that do not validate", () => {
    expect(readAuditParams({ actor: "raj", action: "DECISION_APPROVED", from: "2026-01-01" }).filter).toEqual({ actor: "raj", action: "DECISION_APPROVED", from: "2026-01-01" });
    expect(readAuditParams({ action: "drop table" })).toMatchObject({ filter: null, errors: { action: "Pick an action from the list." } });
    expect(readAuditParams({ from: "2026-02-01", to: "2026-01-01" })).toMatchObject({ filter: null, errors: { to: expect.stringMatching(/end date/) } });
    expect(readAuditParams({ entityType: "Decision Version" })).toMatchObject({ filter: null, errors: { entityType: expect.any(String) } });
  });
});
