import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSourcesTable } from "~/engine/sources-table";

describe("docs/engine.md", () => {
  it("renders the sourced limits and prices exactly as the code holds them (npm run docs:engine)", () => {
    const doc = readFileSync(new URL("../../../docs/engine.md", import.meta.url), "utf8");
    expect(doc).toContain(renderSourcesTable());
  });
});
