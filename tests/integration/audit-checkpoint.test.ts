/**
 * The attack a database superuser can make on the audit trail, done for real: with triggers off
 * (session_replication_role = replica) a decision's status is changed, a forged "approved"
 * event appended, and every later event re-chained, so `audit:verify` still says OK. Signed
 * checkpoints taken before (the key is not in the database) catch it, naming the first
 * sequence number that differs; a truncated history is caught too.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { readCheckpoint, signCheckpoint } from "~/features/audit/checkpoint";
import { canonicalPrefix } from "~/server/audit";
import { createFreshDatabase, type FreshDatabase } from "../../scripts/db/server";
import { asSuperuser, rechain } from "./tamper";

const run = promisify(execFile);
const KEY = "checkpoint-key-kept-outside-the-database-0123456789";

async function script(name: string, url: string, args: string[] = [], key = KEY): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "--conditions=react-server", `scripts/${name}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: url, AUDIT_CHECKPOINT_KEY: key, AUDIT_CHECKPOINT_DIR: dir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let database: FreshDatabase;
let dir: string;

describe("audit checkpoints against a superuser's rewrite", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "servewise-checkpoints-"));
    database = await createFreshDatabase("servewise_checkpoint", inject("databaseServerUrl") || null);
    await database.migrate();
    await run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "development", BCRYPT_ROUNDS: "4" },
    });
  }, 180_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it("takes signed checkpoints that continue one another, and verifies against them", async () => {
    const first = await script("audit-checkpoint", database.url);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^checkpoint of (\d+) new events through sequence \1: /m);
    expect((await script("audit-checkpoint", database.url)).stdout).toContain("no new events since the last checkpoint");

    // More history (appended the way the app appends), then a second checkpoint that starts
    // where the first ended.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    for (let i = 0; i < 3; i++) {
      const fields = {
        occurredAt: new Date().toISOString(),
        actorId: null,
        actorName: "Checkpoint Test",
        actorEmail: "checkpoint@example.test",
        action: "SIGN_IN_FAILED",
        entityType: "User",
        entityId: "unknown",
        payload: { email: "checkpoint@example.test", reason: "invalid", method: "password" },
        requestId: null,
      };
      await client.query(`SELECT * FROM audit_append($1::timestamptz, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`, [
        fields.occurredAt, fields.actorId, fields.actorName, fields.actorEmail, fields.action, fields.entityType, fields.entityId,
        JSON.stringify(fields.payload), fields.requestId, canonicalPrefix(fields),
      ]);
    }
    await client.end();
    expect((await script("audit-checkpoint", database.url)).code).toBe(0);

    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const [a, b] = files.map((f) => readCheckpoint(readFileSync(join(dir, f), "utf8"), KEY)) as [ReturnType<typeof readCheckpoint>, ReturnType<typeof readCheckpoint>];
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(b.checkpoint.hashes).toHaveLength(3);
      expect(a.checkpoint.fromSeq).toBe("1");
      expect(BigInt(b.checkpoint.fromSeq)).toBe(BigInt(a.checkpoint.seq) + 1n);
      expect(b.checkpoint.previousHash).toBe(a.checkpoint.hash);
    }
    const verified = await script("audit-verify", database.url, ["--checkpoint", dir]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/OK against 2 checkpoint\(s\) through sequence \d+/);
  }, 120_000);

  it("refuses a checkpoint that was forged or signed with another key", async () => {
    const [file] = readdirSync(dir).sort();
    const text = readFileSync(join(dir, file!), "utf8");
    expect(readCheckpoint(text, "another-key-another-key-another-key-0000")).toMatchObject({ ok: false });
    const tampered = JSON.parse(text) as { hashes: string[] };
    tampered.hashes[0] = "f".repeat(64);
    expect(readCheckpoint(JSON.stringify(tampered), KEY)).toMatchObject({ ok: false, reason: expect.stringMatching(/signature/) });
    const { signature: _s, ...body } = JSON.parse(text) as ReturnType<typeof signCheckpoint>;
    expect(readCheckpoint(JSON.stringify(signCheckpoint(body, "someone-elses-key-someone-elses-key-00")), KEY)).toMatchObject({ ok: false });
    const forged = join(dir, "forged.json");
    writeFileSync(forged, JSON.stringify(signCheckpoint(body, "someone-elses-key-someone-elses-key-00")));
    const result = await script("audit-verify", database.url, ["--checkpoint", forged]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/DIFFERS from the checkpoints .*signature does not match/);
    rmSync(forged);
  }, 60_000);

  it("catches a truncated history, naming the first missing sequence number", async () => {
    const last = JSON.parse(readFileSync(join(dir, readdirSync(dir).sort().at(-1)!), "utf8")) as { seq: string };
    const cut = BigInt(last.seq) - 1n;
    const removed = await asSuperuser(database.adminUrl, async (client) => {
      const { rows } = await client.query(`DELETE FROM "AuditEvent" WHERE seq >= $1 RETURNING *`, [cut.toString()]);
      return rows as Record<string, unknown>[];
    });
    expect(removed).toHaveLength(2);
    expect((await script("audit-verify", database.url)).code).toBe(0);
    const checked = await script("audit-verify", database.url, ["--checkpoint", dir]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`DIFFERS from the checkpoints at sequence ${cut}: event ${cut} is missing`);
    // Put the rows back exactly: verification against the checkpoints passes again.
    await asSuperuser(database.adminUrl, async (client) => {
      for (const r of removed) {
        const columns = Object.keys(r);
        await client.query(`INSERT INTO "AuditEvent" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`, columns.map((c) => r[c]));
      }
    });
    expect((await script("audit-verify", database.url, ["--checkpoint", dir])).code).toBe(0);
  }, 60_000);

  it("catches a status change, a forged approval and a re-chained history that audit:verify alone accepts", async () => {
    const victim = await asSuperuser(database.adminUrl, async (client) => {
      // The earliest submission event: everything after it will be re-chained.
      const { rows } = await client.query<{ seq: string; entityId: string }>(
        `SELECT seq::text, "entityId" FROM "AuditEvent" WHERE action = 'DECISION_SUBMITTED' ORDER BY seq LIMIT 1`,
      );
      const { seq, entityId } = rows[0]!;
      await client.query(`UPDATE "DecisionVersion" SET status = 'APPROVED', "approvedStrategy" = recommended WHERE id = $1`, [entityId]);
      await client.query(`UPDATE "AuditEvent" SET payload = jsonb_set(payload, '{statusAfter}', '"APPROVED"') WHERE seq = $1`, [seq]);
      const head = await client.query<{ seq: string }>(`SELECT max(seq)::text AS seq FROM "AuditEvent"`);
      await client.query(
        `INSERT INTO "AuditEvent" (seq, "occurredAt", "actorId", "actorName", "actorEmail", action, "entityType", "entityId", payload, "prevHash", hash)
         VALUES ($1, now(), NULL, 'Raj Patel', 'raj@servewise.test', 'DECISION_APPROVED', 'DecisionVersion', $2, '{"forged":true}', '', '')`,
        [(BigInt(head.rows[0]!.seq) + 1n).toString(), entityId],
      );
      const rechained = await rechain(client, BigInt(seq));
      expect(rechained).toBeGreaterThan(10);
      return seq;
    });

    const plain = await script("audit-verify", database.url);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^OK \d+ events/m);

    const checked = await script("audit-verify", database.url, ["--checkpoint", dir]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`DIFFERS from the checkpoints at sequence ${victim}: event ${victim} is not the event checkpoint`);
    // One file is enough, too.
    const single = await script("audit-verify", database.url, ["--checkpoint", join(dir, readdirSync(dir).sort()[0]!)]);
    expect(single.stdout).toContain(`DIFFERS from the checkpoints at sequence ${victim}`);
  }, 120_000);

});
