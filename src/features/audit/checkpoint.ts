/**
 * Anchored checkpoints of the audit chain: what a database superuser cannot rewrite unseen.
 *
 * A checkpoint records the hashes of the events `fromSeq..seq` (each file continues where the
 * previous one ended) and is signed with an HMAC key that is NOT in the database
 * (`AUDIT_CHECKPOINT_KEY`). It is written to a folder outside the database
 * (`AUDIT_CHECKPOINT_DIR`) that operators copy away. Re-chaining or truncating history after a
 * checkpoint was taken changes the hashes it recorded; verification names the first sequence
 * number that differs. Pure: no I/O (the service writes files, the queries read events).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "~/server/audit";

export const CHECKPOINT_VERSION = 1;

export interface CheckpointBody {
  version: typeof CHECKPOINT_VERSION;
  /** The first event this checkpoint covers (1, or the previous checkpoint's seq + 1). */
  fromSeq: string;
  /** The chain's head when it was taken. */
  seq: string;
  hash: string;
  createdAt: string;
  /** The hash of event fromSeq - 1 (the previous checkpoint's head), or null from the start. */
  previousHash: string | null;
  /** hashes[i] is the hash of event fromSeq + i. */
  hashes: string[];
}

export interface Checkpoint extends CheckpointBody {
  /** HMAC-SHA256 of the canonical JSON of the body, hex. */
  signature: string;
}

export function signCheckpoint(body: CheckpointBody, key: string): Checkpoint {
  return { ...body, signature: createHmac("sha256", key).update(canonicalJson(body)).digest("hex") };
}

export type ReadCheckpoint = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

/** Parses and authenticates a checkpoint file's text with the key. */
export function readCheckpoint(text: string, key: string): ReadCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not a checkpoint file (not JSON)" };
  }
  const c = value as Partial<Checkpoint> | null;
  if (
    !c ||
    c.version !== CHECKPOINT_VERSION ||
    typeof c.fromSeq !== "string" ||
    typeof c.seq !== "string" ||
    typeof c.hash !== "string" ||
    typeof c.createdAt !== "string" ||
    !Array.isArray(c.hashes) ||
    typeof c.signature !== "string" ||
    !/^\d+$/.test(c.fromSeq) ||
    !/^\d+$/.test(c.seq)
  ) {
    return { ok: false, reason: "not a checkpoint file (fields missing)" };
  }
  const { signature, ...body } = c as Checkpoint;
  const expected = createHmac("sha256", key).update(canonicalJson(body)).digest();
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "its signature does not match the key (forged, edited, or signed with another key)" };
  }
  if (BigInt(c.seq) - BigInt(c.fromSeq) + 1n !== BigInt(c.hashes.length) || c.hashes.at(-1) !== c.hash) {
    return { ok: false, reason: "its hashes do not cover fromSeq..seq" };
  }
  return { ok: true, checkpoint: c as Checkpoint };
}

/** `checkpoint-00000000000000001234.json`: file names sort in sequence order. */
export function checkpointFileName(seq: string): string {
  return `checkpoint-${seq.padStart(20, "0")}.json`;
}

export type CheckpointVerdict =
  | { ok: true; checkpoints: number; through: string }
  | { ok: false; firstDiffering: string; reason: "differs" | "missing" | "signature"; detail: string };

/**
 * Compares the hashes the database holds now with what the checkpoints recorded. `current`
 * yields the stored (seq, hash) pairs from a given seq on, in order. The first sequence number
 * whose hash differs, or that is missing, is named.
 */
export async function compareWithCheckpoints(
  checkpoints: readonly { name: string; checkpoint: Checkpoint }[],
  current: (fromSeq: bigint, toSeq: bigint) => AsyncIterable<{ seq: bigint; hash: string }>,
): Promise<CheckpointVerdict> {
  let through = "0";
  for (const { name, checkpoint } of [...checkpoints].sort((a, b) => (BigInt(a.checkpoint.seq) < BigInt(b.checkpoint.seq) ? -1 : 1))) {
    const from = BigInt(checkpoint.fromSeq);
    const to = BigInt(checkpoint.seq);
    let expected = from;
    for await (const row of current(from, to)) {
      if (row.seq !== expected) break;
      const recorded = checkpoint.hashes[Number(row.seq - from)]!;
      if (row.hash !== recorded) {
        return {
          ok: false,
          firstDiffering: row.seq.toString(),
          reason: "differs",
          detail: `event ${row.seq} is not the event checkpoint ${name} (taken ${checkpoint.createdAt}) recorded: history was edited or re-chained from there`,
        };
      }
      expected++;
    }
    if (expected <= to) {
      return {
        ok: false,
        firstDiffering: expected.toString(),
        reason: "missing",
        detail: `event ${expected} is missing, but checkpoint ${name} (taken ${checkpoint.createdAt}) recorded events up to ${to}: history was truncated or removed`,
      };
    }
    through = checkpoint.seq;
  }
  return { ok: true, checkpoints: checkpoints.length, through };
}
