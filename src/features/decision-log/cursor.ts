/**
 * The decision log's keyset cursor: `base64url(JSON [sort value, id])` of the last row of a
 * page. Pure and isomorphic. A cursor comes back from the client, so decoding checks that the
 * value has the sort column's type (a timestamp, a finite number, or storable text) and the
 * id is an id: a crafted cursor is refused with a field message instead of reaching SQL.
 */
import { ID_PATTERN, isIsoTimestamp, unstorableTextReason } from "~/lib/validation";

type SortKind = "timestamp" | "number" | "text";

const SORT_KINDS: Record<string, SortKind> = {
  submittedAt: "timestamp",
  reviewedAt: "timestamp",
  confidence: "number",
  monthlyCostUsd: "number",
  title: "text",
  team: "text",
};

export const INVALID_CURSOR_MESSAGE = "That page link is no longer valid. Start from the first page.";

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeLogCursor(value: Date | number | string, id: string): string {
  return toBase64Url(JSON.stringify([value instanceof Date ? value.toISOString() : value, id]));
}

function fitsSort(value: unknown, kind: SortKind | undefined): value is string | number {
  if (kind === "timestamp") return isIsoTimestamp(value);
  if (kind === "number") return typeof value === "number" && Number.isFinite(value);
  if (kind === "text") return typeof value === "string" && value.length <= 200 && unstorableTextReason(value) === null;
  return false;
}

/** The cursor's [sort value, id] for that sort column, or null when it is not one this log made. */
export function decodeLogCursor(cursor: string, sort: string): [string | number, string] | null {
  const json = fromBase64Url(cursor);
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [value, id] = parsed as [unknown, unknown];
  if (typeof id !== "string" || !ID_PATTERN.test(id) || !fitsSort(value, SORT_KINDS[sort])) return null;
  return [value, id];
}
