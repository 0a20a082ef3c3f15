import { describe, expect, it } from "vitest";
import { DATE_ONLY_MESSAGE, dateOnlySchema, dateRangeBounds, isDateOnly, withDateRangeOrder, dateRangeFields } from "~/lib/date-range";
import { accept, first, queryString, urlFilters } from "~/lib/url-filters";
import { z } from "zod";

describe("URL filter codec", () => {
  const codec = urlFilters({
    team: { param: "t", accept: accept.matching(/^[a-z]+$/) },
    kind: { accept: accept.oneOf(["a", "b"]) },
    n: { accept: accept.number({ min: 0, max: 10, integer: true }) },
    q: { accept: accept.truncated(5) },
    text: {},
  });

  it("has an empty value with every field, in declaration order", () => {
    expect(codec.empty).toEqual({ team: "", kind: "", n: "", q: "", text: "" });
    expect(Object.keys(codec.empty)).toEqual(["team", "kind", "n", "q", "text"]);
    expect(Object.isFrozen(codec.empty)).toBe(true);
    expect(codec.fields).toEqual(["team", "kind", "n", "q", "text"]);
  });

  it("reads the first of repeated parameters, trimmed, under the parameter's own name", () => {
    expect(codec.read({ t: [" abc ", "zzz"], kind: ["b", "a"], n: " 07 ", q: "  hello world ", text: " x y " })).toEqual({
      team: "abc",
      kind: "b",
      n: "7",
      q: "hello",
      text: "x y",
    });
    expect(codec.read({ team: "abc" }).team).toBe("");
  });

  it("reads URLSearchParams the same way", () => {
    expect(codec.read(new URLSearchParams("t=abc&t=def&kind=a&n=3"))).toEqual({ team: "abc", kind: "a", n: "3", q: "", text: "" });
  });

  it("drops what a field does not accept", () => {
    expect(codec.read({ t: "ABC", kind: "c", n: "11", text: "" })).toEqual(codec.empty);
    expect(codec.read({ n: "2.5" }).n).toBe("");
    expect(codec.read({ n: "-1" }).n).toBe("");
    expect(codec.read({ n: "1e1" }).n).toBe("");
  });

  it("keeps everything as sent in raw(), for endpoints that validate and refuse", () => {
    expect(codec.raw(new URLSearchParams("t=ABC&kind=c&n=11&q=longer than five"))).toEqual({ team: "ABC", kind: "c", n: "11", q: "longer than five", text: "" });
  });

  it("writes the non-empty values, trimmed, by parameter name and in declaration order", () => {
    expect(codec.params({ ...codec.empty, text: " x ", team: "abc", kind: "  " })).toEqual({ t: "abc", text: "x" });
    expect(Object.keys(codec.params({ ...codec.empty, text: "x", team: "abc" }))).toEqual(["t", "text"]);
    expect(codec.search({ ...codec.empty, text: "a b&c", team: "abc" })).toBe("?t=abc&text=a+b%26c");
    expect(codec.search(codec.empty)).toBe("");
    expect(codec.search(codec.empty, { sort: "title", dir: undefined })).toBe("?sort=title");
  });

  it("round-trips: what it writes, it reads back", () => {
    const values = { team: "abc", kind: "b", n: "10", q: "hi", text: "? & = #" };
    expect(codec.read(new URLSearchParams(codec.search(values)))).toEqual(values);
  });

  it("says whether any filter is set, ignoring blanks", () => {
    expect(codec.has(codec.empty)).toBe(false);
    expect(codec.has({ ...codec.empty, text: "   " })).toBe(false);
    expect(codec.has({ ...codec.empty, n: "0" })).toBe(true);
  });

  it("first(): the first value, trimmed, or empty", () => {
    expect(first(undefined)).toBe("");
    expect(first(null)).toBe("");
    expect(first([])).toBe("");
    expect(first([" a ", "b"])).toBe("a");
    expect(first("  c")).toBe("c");
  });

  it("queryString(): non-empty entries in order, with its ?", () => {
    expect(queryString({ a: "1", b: "", c: undefined, d: "x y" })).toBe("?a=1&d=x+y");
    expect(queryString({})).toBe("");
  });
});

describe("date range", () => {
  it.each(["2026-11-28", "2024-02-29", "0001-01-01", "9999-12-31"])("accepts the day %s", (day) => {
    expect(isDateOnly(day)).toBe(true);
    expect(dateOnlySchema.safeParse(day).success).toBe(true);
  });

  it.each(["2026-02-31", "2026-13-01", "2025-02-29", "2026-00-10", "2026-01-00", "0000-01-01", "2026-1-01", "yesterday", "2026-01-01T00:00", " 2026-01-01"])(
    "refuses %j with the same message everywhere",
    (value) => {
      expect(isDateOnly(value)).toBe(false);
      expect(dateOnlySchema.safeParse(value).error?.issues[0]?.message).toBe(DATE_ONLY_MESSAGE);
    },
  );

  it("checks the order of a range on `to`, both ends inclusive", () => {
    const schema = withDateRangeOrder(z.object({ ...dateRangeFields }));
    expect(schema.safeParse({ from: "2026-01-02", to: "2026-01-02" }).success).toBe(true);
    expect(schema.safeParse({ from: "2026-01-01" }).success).toBe(true);
    expect(schema.safeParse({ from: "2026-01-03", to: "2026-01-02" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["to"], message: "The start date must be on or before the end date." }),
    ]);
  });

  it("covers from 00:00 UTC on `from` up to (not including) 00:00 UTC the day after `to`", () => {
    expect(dateRangeBounds({})).toEqual({});
    expect(dateRangeBounds({ from: "2026-02-28", to: "2026-02-28" })).toEqual({ start: new Date("2026-02-28T00:00:00Z"), end: new Date("2026-03-01T00:00:00Z") });
    expect(dateRangeBounds({ to: "2026-12-31" })).toEqual({ end: new Date("2027-01-01T00:00:00Z") });
  });
});
