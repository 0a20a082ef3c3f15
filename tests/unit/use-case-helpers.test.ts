import { describe, expect, it } from "vitest";
import { hasUnsavedInput, saveStateText, shownSaveState } from "~/features/questionnaire/save-status";
import { readApiError } from "~/trpc/api-errors";
import { firstErrorPerField } from "~/trpc/field-errors";
import { newIdempotencyKey } from "~/lib/idempotency";
import { listFiltersSearch, readListFilters } from "~/features/use-cases/list-filters";
import { statusLabel, statusTone } from "~/lib/status";
import { addTags, normaliseTag } from "~/features/use-cases/tags";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("tRPC errors for the UI", () => {
  it("reads code, message and field errors from a tRPC error", () => {
    const error = Object.assign(new Error("A teammate changed this use case."), { data: { code: "CONFLICT", fieldErrors: { title: ["Too short"] } } });
    expect(readApiError(error)).toEqual({ code: "CONFLICT", message: "A teammate changed this use case.", fieldErrors: { title: ["Too short"] } });
  });

  it("replaces a network failure, or an answer without a message, by advice", () => {
    expect(readApiError(Object.assign(new Error(""), { data: { code: "BAD_REQUEST" } })).message).toMatch(/could not be reached/);
    const network = readApiError(new TypeError("Failed to fetch"));
    expect(network.code).toBe("NETWORK");
    expect(network.message).toMatch(/could not be reached/);
    expect(network.fieldErrors).toEqual({});
  });

  it("keeps the first message per top-level field", () => {
    expect(firstErrorPerField({ "tags.1": ["Bad tag"], tags: ["Too many"], title: ["Short", "Other"] })).toEqual({ tags: "Bad tag", title: "Short" });
  });
});

describe("list filters in the URL", () => {
  it("reads q and team, trimmed and bounded", () => {
    expect(readListFilters({ q: "  fraud ", team: ["t1", "t2"] })).toEqual({ query: "fraud", teamId: "t1" });
    expect(readListFilters({})).toEqual({ query: "", teamId: "" });
    expect(readListFilters({ q: "x".repeat(300) }).query).toHaveLength(100);
    // What the procedure would refuse is dropped: a bad link shows the unfiltered list.
    expect(readListFilters({ q: "pro\u0000be", team: "a b" })).toEqual({ query: "", teamId: "" });
    expect(readListFilters({ q: "probe\ud800", team: "x".repeat(41) })).toEqual({ query: "", teamId: "" });
  });

  it("writes only the filters in use", () => {
    expect(listFiltersSearch({ query: "", teamId: "" })).toBe("");
    expect(listFiltersSearch({ query: "fraud score", teamId: "t1" })).toBe("?q=fraud+score&team=t1");
  });
});

describe("tags", () => {
  it("normalises what people type to lower-case words joined by dashes", () => {
    expect(normaliseTag("  Checkout API ")).toBe("checkout-api");
    expect(normaliseTag("real_time!!")).toBe("real-time");
    expect(normaliseTag("--")).toBe("");
  });

  it("adds comma-separated tags once each", () => {
    expect(addTags(["fraud"], "Fraud, checkout,, Payments")).toEqual(["fraud", "checkout", "payments"]);
  });
});

describe("statuses, save state and idempotency keys", () => {
  it("labels every status in words", () => {
    expect(statusLabel("CHANGES_REQUESTED")).toBe("Changes requested");
    expect(statusTone("APPROVED")).toBe("success");
    expect(statusLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("says what happened to the draft", () => {
    const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
    expect(saveStateText({ kind: "saved", at: new Date("2026-01-02T12:03:00Z") }, clock)).toBe("Saved · 12:03");
    expect(saveStateText({ kind: "saving" })).toBe("Saving…");
    expect(saveStateText({ kind: "dirty" })).toBe("Unsaved changes");
    expect(saveStateText({ kind: "error", message: "offline" })).toBe("Not saved: offline");
    expect(saveStateText({ kind: "invalid", count: 1 })).toBe("Not saved: 1 answer needs fixing");
    expect(saveStateText({ kind: "invalid", count: 3 })).toBe("Not saved: 3 answers need fixing");
  });

  it("never says saved while an answer on screen cannot be saved", () => {
    const saved = { kind: "saved" as const, at: new Date() };
    expect(shownSaveState(saved, 0)).toBe(saved);
    expect(shownSaveState(saved, 1)).toEqual({ kind: "invalid", count: 1 });
    expect(shownSaveState({ kind: "saving" }, 2)).toEqual({ kind: "invalid", count: 2 });
    // A teammate's conflict says more: nothing can be saved until a reload.
    expect(shownSaveState({ kind: "conflict" }, 1)).toEqual({ kind: "conflict" });
  });

  it("knows when leaving would lose something typed", () => {
    expect(hasUnsavedInput({ kind: "saved", at: new Date() })).toBe(false);
    expect(hasUnsavedInput({ kind: "conflict" })).toBe(false);
    for (const state of [{ kind: "dirty" }, { kind: "saving" }, { kind: "error", message: "offline" }, { kind: "invalid", count: 1 }] as const) {
      expect(hasUnsavedInput(state), state.kind).toBe(true);
    }
  });

  it("makes UUID v4 keys with or without crypto.randomUUID", () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
    const withoutRandomUuid = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    const key = newIdempotencyKey(withoutRandomUuid);
    expect(key).toMatch(UUID_V4);
    expect(key).not.toBe(newIdempotencyKey(withoutRandomUuid));
  });
});
