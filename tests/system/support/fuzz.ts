/**
 * Hostile inputs for the fuzz test (tests/system/fuzz.test.ts), with fast-check:
 * - `inputPaths(schema)` walks a procedure's zod input and lists the paths of its fields, so a
 *   new procedure or field is fuzzed without touching the test;
 * - `hostileValue` is any value a careless or malicious client may send in a field: the
 *   categories of issue 11 (NUL, lone surrogates, 2147483648, dates that do not exist,
 *   crafted cursors, sequence numbers beyond bigint), huge strings, wrong types, numbers
 *   outside every range, and whatever superjson can carry (NaN, Infinity, bigint, Date,
 *   undefined, Map, Set);
 * - `hostileRequestId`: `x-request-id` headers, long and odd.
 */
import fc from "fast-check";
import type { z } from "zod";

export type Path = (string | number)[];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The paths of every field of an input schema (objects, array items, union members). */
export function inputPaths(schema: z.ZodType | undefined, prefix: Path = [], depth = 0): Path[] {
  if (!schema || depth > 6) return [];
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return inputPaths(def.innerType, prefix, depth);
    case "pipe":
      return inputPaths(def.in, prefix, depth);
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => {
        const path = [...prefix, key];
        return [path, ...inputPaths(field, path, depth + 1)];
      });
    case "array":
      return [[...prefix, 0], ...inputPaths(def.element, [...prefix, 0], depth + 1)];
    case "union":
      return (def.options ?? []).flatMap((option) => inputPaths(option, prefix, depth + 1));
    default:
      return [];
  }
}

/** A copy of `base` with `value` at `path` (objects and arrays made on the way). */
export function setAt(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> =
    typeof head === "number" ? (Array.isArray(base) ? [...(base as unknown[])] : []) as unknown as Record<number, unknown> : base && typeof base === "object" && !Array.isArray(base) ? { ...(base as object) } : {};
  container[head!] = setAt(container[head!], rest, value);
  return container;
}

const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 8 }))
  .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`);

const withNul = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}\u0000${b}`);

/** Dates that match YYYY-MM-DD but do not exist, and dates at the edges of PostgreSQL's range. */
const badDate = fc.oneof(
  fc.constantFrom("2026-02-31", "2026-13-01", "2026-00-10", "2026-04-31", "2025-02-29", "0000-01-01", "9999-99-99", "2026-1-1", "2026-02-30T00:00:00Z"),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  ),
);

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A decision-log cursor as the server makes them (base64url JSON [value, id]) with hostile contents. */
const craftedCursor = fc
  .tuple(fc.oneof(anyJson, withNul, loneSurrogate, badDate, fc.constant("not a date"), fc.double()), fc.oneof(anyJson, withNul, fc.string()))
  .map(([value, id]) => Buffer.from(JSON.stringify([value, id]) ?? "null").toString("base64url"));

const hostileString = fc.oneof(
  { weight: 3, arbitrary: withNul },
  { weight: 3, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: badDate },
  { weight: 2, arbitrary: craftedCursor },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "%00",
      "\ud800",
      "\udfff",
      "9999999999999999999",
      "99999999999999999999999",
      "-1",
      "2147483648",
      "NaN",
      "' OR 1=1 --",
      "'; DROP TABLE \"User\"; --",
      "\\",
      "%",
      "_",
      "__proto__",
      "constructor",
      "../../etc/passwd",
      "<script>alert(1)</script>",
      "all",
      "APPROVE",
      "batch",
      "x".repeat(81),
      "x".repeat(10_000),
      "\u202e\ufeff\u200b",
      "😀".repeat(200),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }).map((n) => "é".repeat(n)) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(2147483648, -2147483649, 2 ** 53 + 2, -1, 0, -0, 0.5, 1.5, 1e308, -1e308, 5e-324, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 100_001, 4_294_967_296),
  fc.double(),
  fc.integer(),
);

/** Any value a client may put in a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [null], { "": null }, BigInt("9223372036854775808"), new Date(Number.NaN), new Date(8.64e15), new Map([["a", 1]]), new Set([1])),
  },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.string(), { minLength: 101, maxLength: 150 }) },
  { weight: 1, arbitrary: anyJson },
);

/** An `x-request-id` header: absent, plain, long, or with characters a header may carry. */
export const hostileRequestId: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("x".repeat(81), "x".repeat(4000), "a b", "id;drop", "\u00fcn\u00efcode", "../x", "%00", "-", "ok-id_1.2"),
  fc.stringMatching(/^[\x20-\x7e]{1,120}$/).map((s) => s.trim() || "x"),
);

/** One hostile call: a whole-input replacement, or 1–3 fields of a valid input changed. */
export function hostileInput(base: unknown, paths: Path[]): fc.Arbitrary<{ input: unknown; changed: string }> {
  const replaceAll = hostileValue.map((value) => ({ input: value, changed: "(whole input)" }));
  if (paths.length === 0) return fc.oneof(replaceAll, fc.constant({ input: base, changed: "(none)" }));
  const fields = fc
    .array(fc.tuple(fc.constantFrom(...paths), hostileValue), { minLength: 1, maxLength: 3 })
    .map((changes) => ({
      input: changes.reduce<unknown>((input, [path, value]) => setAt(input, path, value), base),
      changed: changes.map(([path]) => path.join(".")).join(", "),
    }));
  return fc.oneof({ weight: 1, arbitrary: replaceAll }, { weight: 8, arbitrary: fields }, { weight: 1, arbitrary: fc.constant({ input: base, changed: "(none)" }) });
}

/** Raw request bodies and query strings that are not what a tRPC client sends. */
export const hostileRaw = fc.oneof(
  fc.constantFrom('{"json":', "\u0000", "null", "[]", '{"json":{"a":1},"meta":{"values":{"a":["bigint"]}}}', '{"json":"x","meta":{"values":["Date"]}}', '{"json":{"__proto__":{"x":1}}}'),
  fc.string({ unit: "binary", maxLength: 200 }),
  anyJson.map((v) => JSON.stringify(v)),
);
