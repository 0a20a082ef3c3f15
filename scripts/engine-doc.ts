/**
 * Writes the sourced limits and prices tables into docs/engine.md (between the markers of
 * src/engine/sources-table.ts). `npm run docs:engine`; the unit test fails when they drift.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderSourcesTable, SOURCES_END, SOURCES_START } from "../src/engine/sources-table";

const path = new URL("../docs/engine.md", import.meta.url);
const doc = readFileSync(path, "utf8");
const start = doc.indexOf(SOURCES_START);
const end = doc.indexOf(SOURCES_END);
if (start === -1 || end === -1) throw new Error("docs/engine.md: the sources-table markers are missing");
writeFileSync(path, doc.slice(0, start) + renderSourcesTable() + doc.slice(end + SOURCES_END.length));
console.log("docs/engine.md: sources table written");
