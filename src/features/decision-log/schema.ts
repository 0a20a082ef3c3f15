import { z } from "zod";
import { STRATEGIES } from "~/engine/strategies";
import { DECISION_STATUSES } from "~/features/decisions/workflow";
import { dateRangeFields, withDateRangeOrder } from "~/lib/date-range";
import { withoutNul } from "~/lib/plain-text";
import { idSchema } from "~/lib/validation";
import { decodeLogCursor, INVALID_CURSOR_MESSAGE } from "./cursor";

/** The decision log's filters: the same object drives the page, the exports and the HTTP endpoint. */
export const decisionLogFilterSchema = withDateRangeOrder(
  z.object({
    teamId: idSchema().optional(),
    status: z.enum(DECISION_STATUSES).optional(),
    strategy: z.enum(STRATEGIES).optional(),
    override: z.enum(["yes", "no"]).optional(),
    /** "yes": scored by an older engine, and the current engine (at the current prices) recommends something else. */
    changed: z.enum(["yes", "no"]).optional(),
    ...dateRangeFields,
    q: withoutNul(z.string().trim().max(100, "Keep the search under 100 characters.")).optional(),
  }),
);
export type DecisionLogFilter = z.infer<typeof decisionLogFilterSchema>;

export const DECISION_LOG_SORTS = ["submittedAt", "reviewedAt", "confidence", "monthlyCostUsd", "title", "team"] as const;
export type DecisionLogSort = (typeof DECISION_LOG_SORTS)[number];

export const decisionLogPageSchema = z
  .object({
    filter: decisionLogFilterSchema,
    sort: z.enum(DECISION_LOG_SORTS).default("submittedAt"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    /** The page after this row (a `nextCursor`). */
    cursor: z.string().max(500, INVALID_CURSOR_MESSAGE).nullish(),
    /** The page before this row (a `prevCursor`); not with `cursor`. */
    before: z.string().max(500, INVALID_CURSOR_MESSAGE).nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((p) => !p.cursor || decodeLogCursor(p.cursor, p.sort) !== null, { message: INVALID_CURSOR_MESSAGE, path: ["cursor"] })
  .refine((p) => !p.before || decodeLogCursor(p.before, p.sort) !== null, { message: INVALID_CURSOR_MESSAGE, path: ["before"] })
  .refine((p) => !(p.cursor && p.before), { message: "Ask for the page after a row or before it, not both.", path: ["before"] });
export type DecisionLogPageInput = z.input<typeof decisionLogPageSchema>;
