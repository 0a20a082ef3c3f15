import { z } from "zod";
import { STRATEGIES } from "~/engine";
import { DECISION_STATUSES } from "~/features/decisions/workflow";

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-28.");

/** The decision log's filters: the same object drives the page, the exports and the HTTP endpoint. */
export const decisionLogFilterSchema = z
  .object({
    teamId: z.string().min(1).max(40).optional(),
    status: z.enum(DECISION_STATUSES).optional(),
    strategy: z.enum(STRATEGIES).optional(),
    override: z.enum(["yes", "no"]).optional(),
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    q: z.string().trim().max(100, "Keep the search under 100 characters.").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });
export type DecisionLogFilter = z.infer<typeof decisionLogFilterSchema>;

export const DECISION_LOG_SORTS = ["submittedAt", "reviewedAt", "confidence", "monthlyCostUsd", "title", "team"] as const;
export type DecisionLogSort = (typeof DECISION_LOG_SORTS)[number];

export const decisionLogPageSchema = z.object({
  filter: decisionLogFilterSchema,
  sort: z.enum(DECISION_LOG_SORTS).default("submittedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
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
