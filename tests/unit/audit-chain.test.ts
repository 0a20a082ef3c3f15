/**
 * The fast verifier's pure half (features/audit/chain.ts): COPY lines in, the canonical text
 * and the chain's verdict out — the same hash as hashStoredEvent for every event, quotes,
 * backslashes, newlines and non-ASCII text included, and UTF-8 split across chunks.
 */
import { describe, expect, it } from "vitest";
import { chainHash, ChainWalker, CopyLineSplitter, parseChainLine } from "~/features/audit/chain";
import { canonicalJson, GENESIS_HASH, hashEvent, type HashedFields } from "~/server/audit";

/** The line PostgreSQL's COPY text format sends for CHAIN_ROW_SQL (backslashes doubled). */
function copyLine(prevHash: string, hash: string, fields: HashedFields, payloadText: string): string {
  const { payload: _p, seq, requestId, ...rest } = fields;
  const head = canonicalJson({ ...rest, payload: 0 }).replace(/0\}$/, "");
  const tail = `,"requestId":${JSON.stringify(requestId)},"seq":"${seq}"}`;
  const esc = (s: string) => s.replaceAll("\\", "\\\\");
  return [seq, prevHash, hash, esc(head), esc(payloadText), esc(tail)].join("\t");
}

const fields = (seq: number, payload: unknown): HashedFields => ({
  seq: String(seq),
  occurredAt: "2026-12-01T10:00:00.123Z",
  actorId: seq % 2 ? null : "cuser",
  actorName: "Zoë \"Z\" O'Neil",
  actorEmail: "zoe@example.test",
  action: "COMMENT_ADDED",
  entityType: "Comment",
  entityId: `c${seq}`,
  payload,
  requestId: seq % 2 ? `req-${seq}` : null,
});

describe("the streamed verifier's parsing and hashing", () => {
  it("hashes a COPY line exactly as hashStoredEvent does, with the payload's keys in any order", () => {
    const payload = { versionNumber: 2, body: 'a "quote", a \\ backslash,\nnew line, tab\t, ünïcødé 🚀', useCaseId: "u1", nested: { zz: [1, { b: 2, a: 1 }], a: null } };
    // jsonb sorts keys by length first: a text with the keys in another order than canonical.
    const jsonbText = '{"body": ' + JSON.stringify(payload.body) + ', "nested": {"a": null, "zz": [1, {"a": 1, "b": 2}]}, "useCaseId": "u1", "versionNumber": 2}';
    const f = fields(1, payload);
    const expected = hashEvent(GENESIS_HASH, f);
    const parsed = parseChainLine(copyLine(GENESIS_HASH, expected, f, jsonbText));
    expect(parsed.seq).toBe(1n);
    expect(parsed.canonical).toBe(canonicalJson(f));
    expect(chainHash(GENESIS_HASH, parsed.canonical)).toBe(expected);
  });

  it("walks a chain and names the first edited, missing or misplaced event", () => {
    const lines: string[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 5; seq++) {
      const f = fields(seq, { n: seq });
      const h = hashEvent(prev, f);
      lines.push(copyLine(prev, h, f, JSON.stringify({ n: seq })));
      prev = h;
    }
    const walk = (ls: string[]) => {
      const walker = new ChainWalker(0n, GENESIS_HASH);
      for (const l of ls) {
        const v = walker.check(parseChainLine(l));
        if (v) return { v, walker };
      }
      return { v: null, walker };
    };
    const ok = walk(lines);
    expect(ok.v).toBeNull();
    expect(ok.walker).toMatchObject({ events: 5, through: 5n, head: prev });

    const edited = walk(lines.map((l, i) => (i === 2 ? l.replace('\t{"n":3}\t', '\t{"n":4}\t') : l)));
    expect(edited.v).toMatchObject({ suspect: { seq: 3n } });
    expect(walk([lines[0]!, lines[2]!]).v).toMatchObject({ seq: 2n, reason: "missing" });
    const relinked = lines[1]!.split("\t");
    relinked[1] = "f".repeat(64);
    expect(walk([lines[0]!, relinked.join("\t")]).v).toMatchObject({ seq: 2n, reason: "reordered" });
  });

  it("splits COPY output into lines across chunks, multi-byte characters included", () => {
    const text = "1\tü🚀\n2\tb\n3\tlast";
    const bytes = Buffer.from(text, "utf8");
    const splitter = new CopyLineSplitter();
    const out: string[] = [];
    for (let i = 0; i < bytes.length; i += 3) out.push(...splitter.push(bytes.subarray(i, i + 3)));
    out.push(...splitter.end());
    expect(out).toEqual(["1\tü🚀", "2\tb", "3\tlast"]);
  });
});
