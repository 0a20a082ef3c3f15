import { z } from "zod";
import { STRATEGIES } from "~/engine";
import { DECISION_STATUSES } from "~/features/decisions/workflow";
import { calendarDateSchema, idSchema, safeText } from "~/lib/validation";
import { decodeLogCursor, INVALID_CURSOR_MESSAGE } from "./cursor";

const dateOnly = calendarDateSchema();

/** The decision log's filters: the same object drives the page, the exports and the HTTP endpoint. */
export const decisionLogFilterSchema = z
  .object({
    teamId: idSchema().optional(),
    status: z.enum(DECISION_STATUSES).optional(),
    strategy: z.enum(STRATEGIES).optional(),
    override: z.enum(["yes", "no"]).optional(),
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    q: safeText().trim().max(100, "Keep the search under 100 characters.").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });
export type DecisionLogFilter = z.infer<typeof decisionLogFilterSchema>;

export const DECISION_LOG_SORTS = ["submittedAt", "reviewedAt", "confidence", "monthlyCostUsd", "title", "team"] as const;
export type DecisionLogSort = (typeof DECISION_LOG_SORTS)[number];

export const decisionLogPageSchema = z
  .object({
    filter: decisionLogFilterSchema,
    sort: z.enum(DECISION_LOG_SORTS).default("submittedAt"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    cursor: z.string().max(500, INVALID_CURSOR_MESSAGE).nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((p) => !p.cursor || decodeLogCursor(p.cursor, p.sort) !== null, { message: INVALID_CURSOR_MESSAGE, path: ["cursor"] });
export type DecisionLogPageInput = z.input<typeof decisionLogPageSchema>;

export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Reads filters from URL search params (page links, exports and the HTTP endpoint share them). */
export function filterFromSearchParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["teamId", "status", "strategy", "override", "from", "to", "q"]) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}
