import { z } from "zod";
import { dateRangeFields, withDateRangeOrder } from "~/lib/date-range";
import { withoutNul } from "~/lib/plain-text";
import { sequenceNumberSchema } from "~/lib/validation";

export const auditFilterSchema = withDateRangeOrder(
  z.object({
    actor: withoutNul(z.string().trim().max(120)).optional(),
    action: z.string().regex(/^[A-Z_]{1,60}$/, "Pick an action from the list.").optional(),
    entityType: z.string().regex(/^[A-Za-z]{1,40}$/).optional(),
    entityId: withoutNul(z.string().max(60)).optional(),
    ...dateRangeFields,
  }),
);
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageSchema = z.object({
  filter: auditFilterSchema,
  /** Events older than this sequence number (the next page down). */
  before: sequenceNumberSchema().nullish(),
  /** Events newer than this sequence number (the page above); not with `before`. */
  after: sequenceNumberSchema().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
}).refine((page) => !(page.before && page.after), { message: "Ask for events before or after a sequence number, not both.", path: ["after"] });
