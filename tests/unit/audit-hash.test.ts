import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { canonicalJson, canonicalPrefix, GENESIS_HASH, hashEvent, type HashedFields } from "~/server/audit";

const event: HashedFields = {
  seq: "1",
  occurredAt: "2026-11-28T12:00:00.000Z",
  actorId: "u1",
  actorName: "Maya Chen",
  actorEmail: "maya@servewise.test",
  action: "USE_CASE_CREATED",
  entityType: "UseCase",
  entityId: "uc1",
  payload: { teamId: "t1", after: { title: "Fraud", tags: ["a", "b"] } },
  requestId: null,
};

describe("audit hashing", () => {
  it("lets the database finish the hash: prefix + seq + '\"}' hashes exactly like the whole event", () => {
    const { seq, ...rest } = event;
    const prefix = canonicalPrefix(rest);
    expect(prefix.endsWith(',"seq":"')).toBe(true);
    for (const [prev, n] of [[GENESIS_HASH, seq], ["ab".repeat(32), "9007199254740993"]] as const) {
      const byDatabase = createHash("sha256").update(`${prev}${prefix}${n}"}`).digest("hex");
      expect(byDatabase).toBe(hashEvent(prev, { ...event, seq: n }));
    }
    const unicode = { ...rest, actorName: "Zoë Ñandú 🚀", payload: { note: "line\nbreak \"quoted\"" } };
    expect(createHash("sha256").update(`${GENESIS_HASH}${canonicalPrefix(unicode)}7"}`).digest("hex")).toBe(hashEvent(GENESIS_HASH, { ...unicode, seq: "7" }));
  });

  it("writes canonical JSON: keys sorted at every level, arrays kept in order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });

  it("gives the same hash whatever the key order the database returns", () => {
    const reordered = { ...event, payload: { after: { tags: ["a", "b"], title: "Fraud" }, teamId: "t1" } };
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(hashEvent(GENESIS_HASH, event));
  });

  it("changes when any field or the previous hash changes", () => {
    const original = hashEvent(GENESIS_HASH, event);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(GENESIS_HASH, { ...event, actorName: "Mallory" })).not.toBe(original);
    expect(hashEvent(GENESIS_HASH, { ...event, payload: { teamId: "t2" } })).not.toBe(original);
    expect(hashEvent("f".repeat(64), event)).not.toBe(original);
  });
});
