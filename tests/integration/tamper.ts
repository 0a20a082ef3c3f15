/**
 * What a database superuser can do to the audit trail, for tests that prove it is caught:
 * work with triggers off (session_replication_role = replica, so the append-only guard does
 * not fire), and re-chain history as an attacker who knows the hashing scheme would.
 */
import pg from "pg";
import { GENESIS_HASH, hashStoredEvent, type AuditEventRow } from "~/server/audit";

export async function asSuperuser<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Triggers (the append-only guard) do not fire for this session.
    await client.query("SET LOCAL session_replication_role = replica");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } finally {
    await client.end();
  }
}

/** Recomputes every hash from `fromSeq` on, as an attacker who knows the scheme would. Returns how many events it re-chained. */
export async function rechain(client: pg.Client, fromSeq: bigint): Promise<number> {
  const { rows } = await client.query<AuditEventRow>(
    `SELECT seq::text, "occurredAt", "actorId", "actorName", "actorEmail", action, "entityType", "entityId", payload, "requestId", "prevHash", hash FROM "AuditEvent" WHERE seq >= $1 ORDER BY seq`,
    [fromSeq.toString()],
  );
  const before = await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" WHERE seq = $1`, [(fromSeq - 1n).toString()]);
  let prev = before.rows[0]?.hash ?? GENESIS_HASH;
  for (const r of rows) {
    const hash = hashStoredEvent(prev, { ...r, seq: BigInt(r.seq) });
    await client.query(`UPDATE "AuditEvent" SET "prevHash" = $1, hash = $2 WHERE seq = $3`, [prev, hash, r.seq]);
    prev = hash;
  }
  return rows.length;
}
