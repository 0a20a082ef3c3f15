/**
 * Filters kept in the URL: one codec for every page whose filters live in its search
 * parameters (decision log, review queue, audit trail, my use cases) and for the export
 * endpoints that take the same parameters. Pure and isomorphic.
 *
 * A page declares its fields once — the parameter's name (default: the field's own) and what
 * the field accepts — and gets:
 * - `empty`: every field "" ("any"), what a cleared form holds;
 * - `read(params)`: the form's values from a page's search params (the first of a repeated
 *   parameter, trimmed; a value the field does not accept is dropped to "", as a stale link's
 *   choice that no longer exists would be);
 * - `raw(params)`: the same without dropping anything (an endpoint validates it and answers 400);
 * - `params(values)` / `search(values)`: the non-empty values by parameter name, in declaration
 *   order, as a record or as a query string (`?a=1&b=2`, or "" when nothing is set);
 * - `has(values)`: whether any filter is set.
 */

/** A page's search parameters as Next.js gives them to a page component. */
export type Params = Record<string, string | string[] | undefined>;

/** The first value of a (possibly repeated) parameter, trimmed; "" when absent. */
export function first(value: string | string[] | null | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function get(params: Params | URLSearchParams, name: string): string {
  return first(params instanceof URLSearchParams ? params.get(name) : params[name]);
}

/** What a field accepts: the value to keep (possibly normalised), or "" to drop it. */
export type Accept = (value: string) => string;

/** Ready-made `accept` rules. */
export const accept = {
  /** Any text (validated later by the filter's schema). */
  any: ((value) => value) satisfies Accept,
  /** One of a list (an enum's values). */
  oneOf: (allowed: readonly string[]): Accept => (value) => (allowed.includes(value) ? value : ""),
  /** Text matching a pattern (e.g. an id). */
  matching: (pattern: RegExp): Accept => (value) => (pattern.test(value) ? value : ""),
  /** Text cut to at most `max` characters. */
  truncated: (max: number): Accept => (value) => value.slice(0, max),
  /** A plain decimal number within bounds, normalised ("070" → "70"). */
  number:
    ({ min, max, integer = false }: { min: number; max: number; integer?: boolean }): Accept =>
    (value) => {
      if (!/^\d+(\.\d+)?$/.test(value)) return "";
      const n = Number(value);
      return n < min || n > max || (integer && !Number.isInteger(n)) ? "" : String(n);
    },
};

export interface UrlField {
  /** The search parameter's name, when it is not the field's. */
  param?: string;
  accept?: Accept;
}

export type FilterValues<K extends string> = Record<K, string>;

export interface UrlFilterCodec<K extends string> {
  readonly fields: readonly K[];
  readonly empty: Readonly<FilterValues<K>>;
  read(params: Params | URLSearchParams): FilterValues<K>;
  raw(params: Params | URLSearchParams): FilterValues<K>;
  params(values: FilterValues<K>): Record<string, string>;
  search(values: FilterValues<K>, extra?: Record<string, string | undefined>): string;
  has(values: FilterValues<K>): boolean;
}

/** Declares a page's URL filters (see the top of this file). */
export function urlFilters<const F extends Record<string, UrlField>>(declared: F): UrlFilterCodec<Extract<keyof F, string>> {
  type K = Extract<keyof F, string>;
  const fields = Object.keys(declared) as K[];
  const spec = (field: K): UrlField => declared[field] ?? {};
  const paramOf = (field: K) => spec(field).param ?? field;
  const collect = (params: Params | URLSearchParams, keep: (field: K, value: string) => string) =>
    Object.fromEntries(fields.map((field) => [field, keep(field, get(params, paramOf(field)))])) as FilterValues<K>;
  const codec: UrlFilterCodec<K> = {
    fields,
    empty: Object.freeze(Object.fromEntries(fields.map((field) => [field, ""])) as FilterValues<K>),
    read: (params) => collect(params, (field, value) => (value ? (spec(field).accept ?? accept.any)(value) : "")),
    raw: (params) => collect(params, (_field, value) => value),
    params(values) {
      const out: Record<string, string> = {};
      for (const field of fields) {
        const value = values[field]?.trim();
        if (value) out[paramOf(field)] = value;
      }
      return out;
    },
    search: (values, extra = {}) => queryString({ ...codec.params(values), ...extra }),
    has: (values) => fields.some((field) => Boolean(values[field]?.trim())),
  };
  return codec;
}

/** `?a=1&b=2` from the non-empty entries of a record, in its order; "" when none is set. */
export function queryString(entries: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}
