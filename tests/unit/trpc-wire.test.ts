/**
 * The browser's decoder of the `/api/trpc` wire format (src/trpc/wire.ts) against superjson
 * itself: whatever the server's superjson writes, the page reads the same value.
 */
import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { decodeSimple, decodeWire, encodeWire, type Wire } from "~/trpc/wire";

/** JSON as it travels: serialize, stringify, parse (the decoder revives the parsed copy in place). */
function overTheWire(value: unknown): Wire {
  return JSON.parse(JSON.stringify(superjson.serialize(value))) as Wire;
}

const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a.b", "x\\y", "0", "n.0"));
const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));

/** What procedures answer: objects and arrays of JSON, Dates and undefineds. */
const answer = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
})).value;

describe("the browser's wire format", () => {
  it("reads what superjson writes exactly as superjson reads it", async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (value) => {
        const expected = superjson.deserialize(overTheWire(value) as Parameters<typeof superjson.deserialize>[0]);
        expect(await decodeWire(overTheWire(value))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("decodes Dates and undefineds itself, and leaves anything richer to superjson", async () => {
    const dated = overTheWire({ at: new Date("2026-12-02T10:00:00Z"), rows: [{ decidedAt: new Date(0), note: undefined }] });
    expect(decodeSimple(dated)).toEqual({ value: { at: new Date("2026-12-02T10:00:00Z"), rows: [{ decidedAt: new Date(0), note: undefined }] } });
    expect(decodeSimple(overTheWire(new Date(5)))).toEqual({ value: new Date(5) });

    for (const value of [{ m: new Map([["k", 1]]) }, { "a.b": new Date(0) }, { big: 10n }, new Set([1])]) {
      expect(decodeSimple(overTheWire(value))).toBeNull();
      expect(await decodeWire(overTheWire(value))).toEqual(value);
    }
  });

  it("sends a plain JSON input as superjson would: the server reads the same value", () => {
    const plain = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.dictionary(key, fc.oneof(tie("value"), fc.constant(undefined)), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(plain, (value) => {
        const wire = JSON.parse(JSON.stringify(encodeWire(value))) as Wire;
        // An undefined object property arrives left out: the same to the server's zod schemas.
        expect(superjson.deserialize(wire as Parameters<typeof superjson.deserialize>[0])).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});
