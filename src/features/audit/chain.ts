/**
 * Verifying the audit chain fast, pure (no I/O): PostgreSQL sends each event as a line of
 * `COPY … TO STDOUT` text (see `CHAIN_ROW_SQL` in queries.ts) whose columns are
 *   seq, prevHash, hash, head, payload, tail
 * where `head` is the canonical JSON of the event up to `"payload":`, `payload` the stored
 * jsonb as text, and `tail` the rest (`,"requestId":…,"seq":"N"}`). Only the payload needs
 * re-ordering here (jsonb sorts keys by length first, the canonical form by code unit), so
 *   hash = SHA-256(prevHash || head || canonical(payload) || tail)
 * is what `hashStoredEvent` computes, without building an object per event.
 */
import { hash as oneShotHash } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { canonicalJson } from "~/server/audit";

export type ChainBreak = { seq: bigint; reason: "edited" | "missing" | "reordered"; detail: string };

/** Splits a COPY text stream into lines (UTF-8 safe across chunk boundaries). */
export class CopyLineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private rest = "";

  /** The complete lines in this chunk (without their "\n"); a partial last line waits for the next chunk. */
  push(chunk: Buffer): string[] {
    const text = this.rest + this.decoder.write(chunk);
    const lines = text.split("\n");
    this.rest = lines.pop()!;
    return lines;
  }

  /** What is left at the end of the stream (a last line without "\n"). */
  end(): string[] {
    const text = this.rest + this.decoder.end();
    this.rest = "";
    return text === "" ? [] : [text];
  }
}

/** COPY's text format doubles backslashes; JSON text has no raw tab, newline or CR to unescape. */
function unescapeCopy(field: string): string {
  return field.includes("\\") ? field.replaceAll("\\\\", "\\") : field;
}

export interface ParsedChainLine {
  seq: bigint;
  prevHash: string;
  hash: string;
  /** The canonical JSON text the hash covers (without the previous hash). */
  canonical: string;
}

/** One COPY line of CHAIN_ROW_SQL, with the payload put in canonical order. */
export function parseChainLine(line: string): ParsedChainLine {
  const t1 = line.indexOf("\t");
  const t2 = line.indexOf("\t", t1 + 1);
  const t3 = line.indexOf("\t", t2 + 1);
  const t4 = line.indexOf("\t", t3 + 1);
  const t5 = line.indexOf("\t", t4 + 1);
  if (t5 < 0) throw new Error("audit verification: a row of the chain query has too few columns");
  const head = unescapeCopy(line.slice(t3 + 1, t4));
  const payload = canonicalJson(JSON.parse(unescapeCopy(line.slice(t4 + 1, t5))));
  const tail = unescapeCopy(line.slice(t5 + 1));
  return {
    seq: BigInt(line.slice(0, t1)),
    prevHash: line.slice(t1 + 1, t2),
    hash: line.slice(t2 + 1, t3),
    canonical: head + payload + tail,
  };
}

export function chainHash(prevHash: string, canonical: string): string {
  return oneShotHash("sha256", prevHash + canonical, "hex");
}

/**
 * Walks the chain one event at a time from a known point (the event `afterSeq` with hash
 * `prevHash`; 0 and the genesis hash from the start). `check` answers the first break, or null.
 * A hash that differs is reported as "suspect" first, so the caller can recompute that one
 * event the slow, exact way (`hashStoredEvent`) before calling it edited.
 */
export class ChainWalker {
  private prev: string;
  private expected: bigint;
  events = 0;

  constructor(afterSeq: bigint, prevHash: string) {
    this.prev = prevHash;
    this.expected = afterSeq + 1n;
  }

  /** The hash of the last event walked (or the starting hash). */
  get head(): string {
    return this.prev;
  }

  /** The sequence number of the last event walked. */
  get through(): bigint {
    return this.expected - 1n;
  }

  check(row: ParsedChainLine): ChainBreak | { suspect: ParsedChainLine; prevHash: string } | null {
    if (row.seq !== this.expected) {
      return { seq: this.expected, reason: "missing", detail: `event ${this.expected} is missing (next is ${row.seq})` };
    }
    if (row.prevHash !== this.prev) {
      return { seq: row.seq, reason: "reordered", detail: `event ${row.seq} does not link to event ${row.seq - 1n}` };
    }
    if (chainHash(this.prev, row.canonical) !== row.hash) return { suspect: row, prevHash: this.prev };
    this.accept(row);
    return null;
  }

  /** Accepts an event whose hash was confirmed another way. */
  accept(row: { seq: bigint; hash: string }): void {
    this.prev = row.hash;
    this.expected = row.seq + 1n;
    this.events++;
  }
}
