import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeLogCursor, encodeLogCursor } from "~/features/decision-log/cursor";
import {
  idSchema,
  isIsoTimestamp,
  NUL_MESSAGE,
  positiveInt32,
  safeText,
  sequenceNumberSchema,
  SURROGATE_MESSAGE,
  toStorableText,
  unstorableTextReason,
} from "~/lib/validation";
import { logLevelFrom } from "~/server/log";
import { requestIdFrom } from "~/server/request-id";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("validation primitives", () => {
  it("safeText refuses NUL and lone surrogates, and accepts every well-formed string", () => {
    expect(messages(safeText().safeParse("pro\u0000be"))).toEqual([NUL_MESSAGE]);
    expect(messages(safeText().safeParse("probe\ud800x"))).toEqual([SURROGATE_MESSAGE]);
    expect(messages(safeText().safeParse("\udc00"))).toEqual([SURROGATE_MESSAGE]);
    expect(safeText().safeParse("emoji 😀, accents é, RTL \u202e").success).toBe(true);
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => !s.includes("\u0000") === safeText().safeParse(s).success));
  });

  it("toStorableText turns what cannot be stored into U+FFFD and leaves the rest", () => {
    expect(toStorableText("a\u0000b\ud800c\udc00")).toBe("a\ufffdb\ufffdc\ufffd");
    expect(toStorableText("😀")).toBe("😀");
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (s) => unstorableTextReason(toStorableText(s)) === null));
  });

  it("ids, 32-bit integers and sequence numbers", () => {
    expect(idSchema().safeParse("cmx4w1z7i0000hl7dra7n80nq").success).toBe(true);
    for (const bad of ["", "a\u0000", "x".repeat(41), "a b", "../x"]) expect(idSchema().safeParse(bad).success, bad).toBe(false);
    expect(positiveInt32().safeParse(2147483647).success).toBe(true);
    for (const bad of [2147483648, 0, -1, 1.5, Number.NaN]) expect(positiveInt32().safeParse(bad).success, String(bad)).toBe(false);
    expect(sequenceNumberSchema().safeParse("9223372036854775807").success).toBe(true);
    expect(messages(sequenceNumberSchema().safeParse("9999999999999999999"))).toEqual(["That sequence number is too large."]);
  });

  it("timestamps (the log cursor's) exist", () => {
    expect(isIsoTimestamp("2026-02-28T10:00:00.000Z")).toBe(true);
    expect(isIsoTimestamp("2026-02-31T10:00:00.000Z")).toBe(false);
    expect(isIsoTimestamp("0000-01-01T00:00:00.000Z")).toBe(false);
    expect(isIsoTimestamp(1)).toBe(false);
  });
});

describe("the decision log's cursor", () => {
  it("round-trips every value the log makes, for its sort column", () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,30}$/);
    fc.assert(fc.property(fc.date({ min: new Date("1970-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }), id, (d, i) => {
      expect(decodeLogCursor(encodeLogCursor(d, i), "submittedAt")).toEqual([d.toISOString(), i]);
    }));
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), id, (n, i) => {
      expect(decodeLogCursor(encodeLogCursor(n, i), "confidence")).toEqual([Object.is(n, -0) ? 0 : n, i]);
    }));
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), id, (t, i) => {
      expect(decodeLogCursor(encodeLogCursor(t, i), "title")).toEqual([t, i]);
    }));
    // The same cursor as the server encoded it before (Buffer, base64url).
    expect(decodeLogCursor(Buffer.from(JSON.stringify(["Fraud é", "abc"])).toString("base64url"), "title")).toEqual(["Fraud é", "abc"]);
  });

  it("refuses crafted cursors and cursors of another sort column", () => {
    const craft = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const [cursor, sort] of [
      [craft(["not a date", "abc"]), "submittedAt"],
      [craft([{ a: 1 }, "abc"]), "confidence"],
      [craft(["a", "a\u0000"]), "title"],
      [craft(["a\u0000", "abc"]), "title"],
      [craft([1, "abc"]), "title"],
      [craft(["2026-01-01T00:00:00.000Z", "abc", 3]), "submittedAt"],
      ["%%%", "submittedAt"],
      [Buffer.from([0xff, 0xfe]).toString("base64url"), "title"],
      [craft(["x", "abc"]), "unknown"],
    ] as const) {
      expect(decodeLogCursor(cursor, sort), `${cursor} (${sort})`).toBeNull();
    }
  });
});

describe("request ids and log levels", () => {
  it("keeps a short, plain client id and makes one otherwise", () => {
    expect(requestIdFrom("proxy-1.a_B:2")).toBe("proxy-1.a_B:2");
    for (const offered of ["x".repeat(81), "a b", "a;b", "é", "a\u0000"]) expect(requestIdFrom(offered), offered).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("LOG_LEVEL, silent under Vitest by default", () => {
    expect(logLevelFrom({ VITEST: "true" })).toBe("silent");
    expect(logLevelFrom({})).toBe("info");
    expect(logLevelFrom({ LOG_LEVEL: "debug", VITEST: "true" })).toBe("debug");
    expect(logLevelFrom({ LOG_LEVEL: "loud" })).toBe("info");
  });
});
