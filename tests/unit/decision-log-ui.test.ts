import { describe, expect, it } from "vitest";
import {
  countLineBreaks,
  exportErrorMessage,
  exportSearch,
  filenameFromDisposition,
  formatBytes,
  parseRowCount,
  progressText,
  recordsReceived,
} from "~/features/decision-log/download";
import { EMPTY_LOG_FILTERS, filterOf, logSearch, nextSort } from "~/features/decision-log/log-filters";
import { readLogParams } from "~/features/decision-log/log-params";

describe("decision log URL state", () => {
  it("reads valid filters and the sort from search params", () => {
    const state = readLogParams({ teamId: "team_1", status: "APPROVED", strategy: "batch", override: "yes", from: "2026-01-01", to: "2026-02-01", q: " fraud ", sort: "title", dir: "asc" });
    expect(state.filter).toEqual({ teamId: "team_1", status: "APPROVED", strategy: "batch", override: "yes", from: "2026-01-01", to: "2026-02-01", q: "fraud" });
    expect(state.errors).toEqual({});
    expect(state).toMatchObject({ sort: "title", dir: "asc" });
  });

  it("drops choices that are not in their list, and defaults the sort", () => {
    const state = readLogParams({ status: "LOST", strategy: "teleport", override: "maybe", sort: "nonsense", teamId: "<script>" });
    expect(state.values).toEqual(EMPTY_LOG_FILTERS);
    expect(state.filter).toEqual({});
    expect(state).toMatchObject({ sort: "submittedAt", dir: "desc" });
  });

  it("carries the 'would change under the current engine' filter in the URL, and drops a value it does not know", () => {
    expect(readLogParams({ changed: "yes" }).filter).toEqual({ changed: "yes" });
    expect(readLogParams({ changed: "no", status: "APPROVED" }).filter).toEqual({ status: "APPROVED", changed: "no" });
    expect(readLogParams({ changed: "maybe" })).toMatchObject({ filter: {}, values: EMPTY_LOG_FILTERS });
    expect(logSearch({ ...EMPTY_LOG_FILTERS, changed: "yes", q: "fraud" })).toBe("?changed=yes&q=fraud");
    expect(exportSearch(filterOf({ ...EMPTY_LOG_FILTERS, changed: "yes" }), "csv")).toBe("format=csv&changed=yes");
  });

  it("a sort without a direction starts at the column's natural direction", () => {
    expect(readLogParams({ sort: "team" })).toMatchObject({ sort: "team", dir: "asc" });
    expect(readLogParams({ sort: "confidence" })).toMatchObject({ sort: "confidence", dir: "desc" });
  });

  it("returns field errors (and no filter) for bad dates and a reversed range", () => {
    expect(readLogParams({ from: "yesterday" })).toMatchObject({ filter: null, errors: { from: "Use a date like 2026-11-28." } });
    expect(readLogParams({ from: "2026-03-01", to: "2026-01-01" })).toMatchObject({ filter: null, errors: { to: "The start date must be on or before the end date." } });
  });

  it("takes the first of repeated params", () => {
    expect(readLogParams({ status: ["REJECTED", "APPROVED"] }).filter).toEqual({ status: "REJECTED" });
  });

  it("writes clean query strings: no empty values, no default sort", () => {
    expect(logSearch(EMPTY_LOG_FILTERS)).toBe("");
    expect(logSearch({ ...EMPTY_LOG_FILTERS, q: "fraud detection", status: "APPROVED" })).toBe("?status=APPROVED&q=fraud+detection");
    expect(logSearch(EMPTY_LOG_FILTERS, { sort: "title", dir: "asc" })).toBe("?sort=title&dir=asc");
    expect(filterOf({ ...EMPTY_LOG_FILTERS, to: " 2026-01-01 " })).toEqual({ to: "2026-01-01" });
  });

  it("flips the direction of the current column and starts others at their default", () => {
    expect(nextSort({ sort: "title", dir: "asc" }, "title")).toEqual({ sort: "title", dir: "desc" });
    expect(nextSort({ sort: "title", dir: "asc" }, "monthlyCostUsd")).toEqual({ sort: "monthlyCostUsd", dir: "desc" });
    expect(nextSort({ sort: "submittedAt", dir: "desc" }, "team")).toEqual({ sort: "team", dir: "asc" });
  });

  it("builds the export endpoint's query from exactly the filter", () => {
    expect(exportSearch({ status: "APPROVED", q: "a&b", teamId: undefined }, "csv")).toBe("format=csv&status=APPROVED&q=a%26b");
    expect(exportSearch({}, "jsonl")).toBe("format=jsonl");
  });
});

describe("streamed export helpers", () => {
  it("says how much of a workbook has arrived in bytes", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(812)).toBe("812 bytes");
    expect(formatBytes(64_000)).toBe("64 KB");
    expect(formatBytes(1_234_567)).toBe("1.2 MB");
    expect(formatBytes(12_500_000)).toBe("12.5 MB");
  });

  const bytes = (s: string) => new TextEncoder().encode(s);

  it("counts line feeds in a chunk", () => {
    expect(countLineBreaks(bytes(""))).toBe(0);
    expect(countLineBreaks(bytes("a,b\r\nc,d\r\n"))).toBe(2);
    expect(countLineBreaks(bytes("\n\n\n"))).toBe(3);
  });

  it("turns line feeds into records: CSV minus its header, capped at the total", () => {
    expect(recordsReceived("csv", 0, 10)).toBe(0);
    expect(recordsReceived("csv", 1, 10)).toBe(0);
    expect(recordsReceived("csv", 5, 10)).toBe(4);
    expect(recordsReceived("csv", 50, 10)).toBe(10);
    expect(recordsReceived("jsonl", 5, null)).toBe(5);
  });

  it("says the progress in words", () => {
    expect(progressText(12_400, 100_000)).toBe("12,400 of 100,000 rows");
    expect(progressText(1, 1)).toBe("1 of 1 row");
    expect(progressText(3, null)).toBe("3 rows");
  });

  it("reads the row count header", () => {
    expect(parseRowCount("42")).toBe(42);
    expect(parseRowCount(null)).toBeNull();
    expect(parseRowCount("-1")).toBeNull();
  });

  it("takes the file name from Content-Disposition, safely", () => {
    expect(filenameFromDisposition('attachment; filename="servewise-decision-log-20261128.csv"', "x.csv")).toBe("servewise-decision-log-20261128.csv");
    expect(filenameFromDisposition("attachment; filename=log.jsonl", "x.csv")).toBe("log.jsonl");
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', "x.csv")).toBe(".._.._etc_passwd");
    expect(filenameFromDisposition(null, "fallback.csv")).toBe("fallback.csv");
  });

  it("explains failed responses with the server's message and field errors", () => {
    expect(exportErrorMessage(400, { message: "Some filters are not valid.", fieldErrors: { from: ["Use a date like 2026-11-28."] } })).toBe(
      "Some filters are not valid. from: Use a date like 2026-11-28.",
    );
    expect(exportErrorMessage(401, null)).toMatch(/Sign in again/);
    expect(exportErrorMessage(500, "oops")).toBe("The export failed (HTTP 500). Try again.");
  });
});
