import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Actor } from "~/server/actor";
import {
  AUDIT_LOCK_KEY,
  auditActor,
  canonicalJson,
  canonicalPrefix,
  GENESIS_HASH,
  hashEvent,
  hashStoredEvent,
  writeAuditEvent,
  type HashedFields,
} from "~/server/audit";
import type { Tx } from "~/server/db";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The newest migration that (re)defines the database's `audit_append`. */
function auditAppendSql(): string {
  const dir = resolve(__dirname, "../../prisma/migrations");
  const defining = readdirSync(dir)
    .sort()
    .map((name) => join(dir, name, "migration.sql"))
    .filter((file) => {
      try {
        return /CREATE (OR REPLACE )?FUNCTION "audit_append"/.test(readFileSync(file, "utf8")); // not ALTER/REVOKE
      } catch {
        return false; // migration_lock.toml
      }
    });
  return readFileSync(defining.at(-1)!, "utf8");
}

interface StoredRow extends Omit<HashedFields, "seq" | "occurredAt"> {
  seq: bigint;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

/**
 * The migration's `audit_append`, in memory: the chain's head (or the genesis hash), the next
 * sequence number, SHA-256(prevHash || canonical prefix || seq || '"}') and the insert. The
 * arguments are read in the order of the SQL function's parameters.
 */
function fakeDatabase(genesis: string) {
  const rows: StoredRow[] = [];
  const tx = {
    $queryRaw: async (sql: TemplateStringsArray, ...args: unknown[]) => {
      expect(sql.join("?")).toMatch(/FROM "audit_append"\(/);
      const [occurredAt, actorId, actorName, actorEmail, action, entityType, entityId, payload, requestId, prefix] = args as [
        Date, string | null, string, string, string, string, string, string, string | null, string,
      ];
      const head = rows.at(-1);
      const seq = (head?.seq ?? 0n) + 1n;
      const prevHash = head?.hash ?? genesis;
      const hash = sha256(`${prevHash}${prefix}${seq}"}`);
      rows.push({ seq, occurredAt, actorId, actorName, actorEmail, action, entityType, entityId, payload: JSON.parse(payload), requestId, prevHash, hash });
      return [{ seq, hash }];
    },
  };
  return { rows, tx: tx as unknown as Tx };
}

const maya: Actor = { id: "u1", name: "Maya Chen", email: "maya@servewise.test", role: "ADMIN", active: true };

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
    // By UTF-16 code unit, not by locale: the same on every machine that verifies the chain.
    expect(canonicalJson({ b: 1, a: 2, B: 3, é: 4 })).toBe('{"B":3,"a":2,"b":1,"é":4}');
  });

  it("hashes a missing value like the stored event, where JSON has dropped it", () => {
    const withUndefined = { ...event, payload: { teamId: "t1", note: undefined, after: { title: "Fraud", owner: undefined } } };
    const stored = { ...event, payload: JSON.parse(JSON.stringify(withUndefined.payload)) as unknown };
    expect(canonicalJson(withUndefined.payload)).toBe('{"after":{"title":"Fraud"},"teamId":"t1"}');
    expect(hashEvent(GENESIS_HASH, withUndefined)).toBe(hashEvent(GENESIS_HASH, stored));
  });

  it("refuses a field that would sort after \"seq\": the database appends the number last", () => {
    const { seq: _seq, ...rest } = event;
    const withLaterKey = { ...rest, zone: "eu" };
    expect(() => canonicalPrefix(withLaterKey)).toThrow(/"seq" must be the last key/);
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

describe("the audit chain", () => {
  it("starts where the database starts it: the same genesis hash and advisory lock as audit_append", () => {
    const sql = auditAppendSql();
    const genesis = /COALESCE\(v_prev_hash, repeat\('(.)', (\d+)\)\)/.exec(sql);
    expect(genesis).not.toBeNull();
    expect(genesis![1]!.repeat(Number(genesis![2]))).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(sql).toContain(`pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  });

  it("records what writeAuditEvent sends so that audit:verify recomputes every hash, linked from the genesis", async () => {
    const { rows, tx } = fakeDatabase(GENESIS_HASH);
    const now = new Date("2026-11-28T12:00:00.000Z");
    const first = await writeAuditEvent(tx, {
      actor: auditActor(maya),
      entityId: "uc1",
      now,
      requestId: "req-1",
      action: "TEAM_CREATED",
      entityType: "Team",
      payload: { after: { name: "Fraud", slug: "fraud", description: "Zoë's \"team\"" } },
    });
    const second = await writeAuditEvent(tx, {
      actor: { id: null, name: "System", email: "" },
      entityId: "u2",
      now: new Date(now.getTime() + 1),
      action: "USER_SIGNED_IN",
      entityType: "User",
      payload: { method: "sso" },
    });

    expect([first, second]).toEqual(rows.map((r) => ({ seq: r.seq, hash: r.hash })));
    expect(rows.map((r) => r.seq)).toEqual([1n, 2n]);
    expect(rows[0]).toMatchObject({ actorId: "u1", actorName: "Maya Chen", actorEmail: "maya@servewise.test", action: "TEAM_CREATED", entityType: "Team", entityId: "uc1", requestId: "req-1", prevHash: GENESIS_HASH });
    expect(rows[0]!.occurredAt).toEqual(now);
    expect(rows[0]!.payload).toEqual({ after: { name: "Fraud", slug: "fraud", description: "Zoë's \"team\"" } });
    expect(rows[1]).toMatchObject({ actorId: null, requestId: null, prevHash: first.hash });
    // What `audit:verify` does: recompute each stored row's hash from its columns and the previous hash.
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(hashStoredEvent(prev, row)).toBe(row.hash);
      prev = row.hash;
    }
    // Editing any stored column breaks it.
    expect(hashStoredEvent(GENESIS_HASH, { ...rows[0]!, actorName: "Mallory" })).not.toBe(rows[0]!.hash);
    expect(hashStoredEvent(GENESIS_HASH, { ...rows[0]!, seq: 2n })).not.toBe(rows[0]!.hash);
  });

  it("refuses a payload that does not fit its action, before anything is written", async () => {
    const { rows, tx } = fakeDatabase(GENESIS_HASH);
    const params = { actor: auditActor(maya), entityId: "u2", now: new Date(), action: "USER_SIGNED_IN" as const, entityType: "User" as const };
    await expect(writeAuditEvent(tx, { ...params, payload: { method: "carrier-pigeon" } } as unknown as Parameters<typeof writeAuditEvent>[1])).rejects.toThrow();
    expect(rows).toEqual([]);
  });

  it("records the actor's name and email as they are now, and nothing else about them", () => {
    expect(auditActor(maya)).toEqual({ id: "u1", name: "Maya Chen", email: "maya@servewise.test" });
  });
});
