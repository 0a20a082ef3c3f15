/**
 * The `/api/trpc` wire format (superjson) in the browser, without superjson's ~5 kB on every
 * page (issue 13's 150 kB budget). What the portal sends and gets back is JSON plus Dates and
 * undefineds, which these decode here; anything else superjson can carry (Map, Set, BigInt,
 * classes, escaped paths…) is handed to superjson itself, loaded on first need. Inputs are
 * plain JSON and go as superjson sends JSON. A property test
 * (tests/unit/trpc-wire.test.ts) holds both to superjson's own results.
 */

/** A superjson payload: `{ json, meta? }`. */
export interface Wire {
  json: unknown;
  meta?: { values?: unknown; referentialEqualities?: unknown; v?: number };
}

type Simple = "Date" | "undefined";

/** Keys superjson itself refuses in a path. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function simpleType(annotation: unknown): Simple | null {
  if (!Array.isArray(annotation) || annotation.length !== 1) return null;
  const [type] = annotation as unknown[];
  return type === "Date" || type === "undefined" ? type : null;
}

function revive(type: Simple, raw: unknown): unknown {
  return type === "Date" ? new Date(raw as string) : undefined;
}

/**
 * Decodes a payload whose annotations are only Dates and undefineds at plain paths (the
 * parsed JSON is revived in place); `null` when it needs superjson. Repeated references
 * (`referentialEqualities`) come back as equal copies, which is what the JSON holds.
 */
export function decodeSimple(wire: Wire): { value: unknown } | null {
  const values = wire.meta?.values;
  if (values === undefined) return { value: wire.json };
  if (Array.isArray(values)) {
    const type = simpleType(values);
    return type ? { value: revive(type, wire.json) } : null;
  }
  if (typeof values !== "object" || values === null) return null;
  const revivals: { keys: string[]; type: Simple }[] = [];
  for (const [path, annotation] of Object.entries(values)) {
    const type = simpleType(annotation);
    if (!type || path.includes("\\")) return null;
    const keys = path.split(".");
    if (keys.some((key) => UNSAFE_KEYS.has(key))) return null;
    revivals.push({ keys, type });
  }
  for (const { keys, type } of revivals) {
    let parent: unknown = wire.json;
    for (const key of keys.slice(0, -1)) {
      parent = typeof parent === "object" && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
    }
    if (typeof parent !== "object" || parent === null) continue;
    const last = keys[keys.length - 1]!;
    (parent as Record<string, unknown>)[last] = revive(type, (parent as Record<string, unknown>)[last]);
  }
  return { value: wire.json };
}

/**
 * A procedure's input as superjson would send it. The portal's inputs are plain JSON (their
 * schemas take no Dates, Maps or BigInts), which superjson sends as `{ json }`: undefined object
 * properties are left out, which the server reads the same.
 */
export function encodeWire(value: unknown): Wire {
  return { json: value };
}

/** A payload as superjson would read it. */
export async function decodeWire(wire: Wire): Promise<unknown> {
  const simple = decodeSimple(wire);
  if (simple) return simple.value;
  const { default: superjson } = await import("superjson");
  return superjson.deserialize(wire as Parameters<typeof superjson.deserialize>[0]);
}
