/**
 * How audit events read in the UI: action labels, a one-line payload summary for the viewer's
 * table, and a sentence per event for a decision's timeline. Pure and isomorphic; payloads are
 * read defensively (an action added later still gets a sensible line). No zod at run time: client
 * components use it (the lists of actions and entity types, from the zod union, are in ./choices).
 */

/** `DECISION_CHANGES_REQUESTED` → "Decision changes requested". */
export function actionLabel(action: string): string {
  const words = action.toLowerCase().split("_").filter(Boolean).join(" ");
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
}

/** `DecisionVersion` → "Decision version". */
export function entityTypeLabel(entityType: string): string {
  const words = entityType.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : entityType;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : null;
}

function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** A short text for any JSON value: strings quoted and clipped, lists joined, objects as {…}. */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value === "" ? "(empty)" : `"${clip(value, 40)}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "[]" : clip(value.map((v) => (typeof v === "string" ? v : shortValue(v))).join(", "), 40);
  return "{…}";
}

function versionOf(p: Json): string | null {
  const n = str(p.versionNumber) ?? str(p.number);
  return n ? `version ${n}` : null;
}

function filterText(filter: unknown): string {
  const entries = Object.entries(obj(filter)).filter(([, v]) => v !== "" && v !== null && v !== undefined);
  return entries.length ? entries.map(([k, v]) => `${k}=${str(v) ?? shortValue(v)}`).join(", ") : "no filter";
}

/** "title: "A" → "B"; tags: a → a, b" for a payload with `before` and `after`. */
function changesText(p: Json): string | null {
  if (!("before" in p) && !("after" in p)) return null;
  const before = obj(p.before);
  const after = obj(p.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => shortValue(before[k]) !== shortValue(after[k]));
  if (changed.length === 0) return null;
  return changed.map((k) => `${k}: ${shortValue(before[k])} → ${shortValue(after[k])}`).join("; ");
}

/** One line describing an event's payload, for the audit viewer's table. */
export function summarizePayload(action: string, payload: unknown): string {
  const p = obj(payload);
  const version = versionOf(p);
  switch (action) {
    case "USE_CASE_CREATED":
      return `"${clip(str(obj(p.after).title) ?? "untitled")}"`;
    case "USE_CASE_DETAILS_CHANGED":
      return changesText(p) ?? "no visible change";
    case "DECISION_SUBMITTED": {
      const confidence = typeof p.confidence === "number" ? ` · confidence ${Math.round(p.confidence * 100)}%` : "";
      return `${version ?? "a version"} · ${p.recommended === null ? "no feasible strategy" : `recommended ${str(p.recommended) ?? "?"}`}${confidence} · engine ${str(p.engineVersion) ?? "?"}`;
    }
    case "DECISION_APPROVED":
    case "DECISION_REJECTED":
    case "DECISION_CHANGES_REQUESTED": {
      const parts = [`${version ?? "a version"}: ${str(p.statusBefore) ?? "?"} → ${str(p.statusAfter) ?? "?"}`];
      if (action === "DECISION_APPROVED" && p.approvedStrategy) {
        parts.push(p.override ? `override: ${str(p.approvedStrategy)} instead of ${str(p.recommended) ?? "?"}` : `as ${str(p.approvedStrategy)}`);
      }
      if (typeof p.comment === "string" && p.comment.trim()) parts.push(`"${clip(p.comment, 50)}"`);
      return parts.join(" · ");
    }
    case "DECISION_WITHDRAWN":
      return `${version ?? "a version"}: ${str(p.statusBefore) ?? "?"} → ${str(p.statusAfter) ?? "?"}`;
    case "DECISION_SUPERSEDED":
      return `${version ?? "a version"} superseded by version ${str(p.supersededByNumber) ?? "?"}`;
    case "USER_SIGNED_IN":
      return `via ${str(p.method) ?? "?"}`;
    case "SIGN_IN_FAILED":
      return `${str(p.email) ?? "?"} · ${str(p.reason) ?? "?"} · via ${str(p.method) ?? "?"}`;
    case "DECISION_LOG_EXPORTED":
    case "AUDIT_LOG_EXPORTED":
      return `${str(p.format) ?? "?"} · ${str(p.rows) ?? "?"} rows · ${filterText(p.filter)}`;
    case "COMMENT_ADDED":
      return `${version ?? "a version"}: "${clip(str(p.body) ?? "", 50)}"`;
    case "DRAFT_EDITED": {
      const fields = Array.isArray(p.fields) ? p.fields.filter((f): f is string => typeof f === "string") : [];
      return `${fields.length ? `changed ${clip(fields.join(", "), 80)}` : "changed the answers"} · revision ${str(p.revision) ?? "?"}`;
    }
    case "AUDIT_VERIFICATION_STARTED":
      return `full verification through #${str(p.targetSeq) ?? "?"}`;
    case "AUDIT_VERIFICATION_FINISHED":
      return `full verification ${str(p.status) ?? "?"} · ${str(p.events) ?? "?"} events through #${str(p.targetSeq) ?? "?"}${p.brokenAt ? ` · broken at #${str(p.brokenAt)}` : ""}`;
    default: {
      const changes = changesText(p);
      const subject = typeof p.email === "string" ? `${p.email} · ` : "";
      if (changes) return `${subject}${changes}`;
      const entries = Object.entries(p);
      return entries.length ? clip(entries.map(([k, v]) => `${k}: ${shortValue(v)}`).join(" · "), 120) : "—";
    }
  }
}

export interface TimelineEventLike {
  action: string;
  actorName: string;
  payload: unknown;
}

/** A decision's history in words: "Maya Chen submitted version 2", "Raj Patel approved version 1 (override: batch)". */
export function describeTimelineEvent(event: TimelineEventLike): string {
  const p = obj(event.payload);
  const who = event.actorName || "Someone";
  const version = versionOf(p) ?? "a version";
  switch (event.action) {
    case "USE_CASE_CREATED":
      return `${who} created the use case`;
    case "USE_CASE_DETAILS_CHANGED": {
      const fields = [...new Set([...Object.keys(obj(p.before)), ...Object.keys(obj(p.after))])];
      return fields.length ? `${who} changed the ${fields.join(", ")}` : `${who} edited the details`;
    }
    case "DECISION_SUBMITTED":
      return `${who} submitted ${version}`;
    case "DECISION_APPROVED":
      return p.override && p.approvedStrategy ? `${who} approved ${version} (override: ${str(p.approvedStrategy)})` : `${who} approved ${version}`;
    case "DECISION_REJECTED":
      return `${who} rejected ${version}`;
    case "DECISION_CHANGES_REQUESTED":
      return `${who} requested changes to ${version}`;
    case "DECISION_WITHDRAWN":
      return `${who} withdrew ${version}`;
    case "DECISION_SUPERSEDED":
      return `${version[0]!.toUpperCase()}${version.slice(1)} was superseded by version ${str(p.supersededByNumber) ?? "?"}`;
    case "COMMENT_ADDED":
      return `${who} commented on ${version}`;
    case "DRAFT_EDITED": {
      const fields = Array.isArray(p.fields) ? p.fields.filter((f): f is string => typeof f === "string") : [];
      return fields.length ? `${who} edited the draft answers (${fields.join(", ")})` : `${who} edited the draft answers`;
    }
    default:
      return `${who}: ${actionLabel(event.action).toLowerCase()}`;
  }
}

/** The reviewer's comment of a review event, or a comment's body, when there is one. */
export function timelineQuote(event: TimelineEventLike): string | null {
  const p = obj(event.payload);
  const text = event.action === "COMMENT_ADDED" ? p.body : p.comment;
  return typeof text === "string" && text.trim() ? text.trim() : null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "28 Nov 14:03" in UTC (the same text on server and browser); the year is added when it is not `now`'s. */
export function formatEventTime(date: Date, now: Date = date): string {
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  const year = date.getUTCFullYear() === now.getUTCFullYear() ? "" : ` ${date.getUTCFullYear()}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${year} ${hh}:${mm}`;
}

/** The use case an event is about (its own id, or the one its payload names), or null. */
export function entityUseCaseId(entityType: string, entityId: string, payload: unknown): string | null {
  if (entityType === "UseCase") return entityId;
  const p = obj(payload);
  return (entityType === "DecisionVersion" || entityType === "Comment") && typeof p.useCaseId === "string" ? p.useCaseId : null;
}

/** How an event's entity reads in a table: "Card fraud · version 2" when its use case is known, else its id. */
export function entityName(entityType: string, entityId: string, payload: unknown, useCaseTitle: string | null): string {
  if (!useCaseTitle) return entityId;
  const n = obj(payload).versionNumber;
  return entityType !== "UseCase" && typeof n === "number" ? `${useCaseTitle} · version ${n}` : useCaseTitle;
}

/** Where an event's entity can be seen in the portal, when it has a page. */
export function entityHref(entityType: string, entityId: string, payload: unknown): string | null {
  const p = obj(payload);
  if (entityType === "UseCase") return `/use-cases/${encodeURIComponent(entityId)}`;
  if ((entityType === "DecisionVersion" || entityType === "Comment") && typeof p.useCaseId === "string") {
    const n = typeof p.versionNumber === "number" ? p.versionNumber : null;
    return n ? `/use-cases/${encodeURIComponent(p.useCaseId)}/versions/${n}` : `/use-cases/${encodeURIComponent(p.useCaseId)}`;
  }
  return null;
}

/** A hash shortened for a table cell: the first 12 characters. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

export { anchorText, durationText, progressPercent, REASONS, seqText, type VerificationRunView } from "./verification-text";

/** How one event reads in the viewer's table, worked out on the server (audit.list): the browser needs no payload reading. */
export function eventView(
  event: { action: string; entityType: string; entityId: string; payload: unknown; occurredAt: Date; hash: string },
  useCaseTitle: string | null,
  now: Date,
) {
  return {
    actionLabel: actionLabel(event.action),
    entityTypeLabel: entityTypeLabel(event.entityType),
    entityName: entityName(event.entityType, event.entityId, event.payload, useCaseTitle),
    entityHref: entityHref(event.entityType, event.entityId, event.payload),
    summary: summarizePayload(event.action, event.payload),
    time: formatEventTime(event.occurredAt, now),
    shortHash: shortHash(event.hash),
  };
}
