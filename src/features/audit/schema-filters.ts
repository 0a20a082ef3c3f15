import { z } from "zod";
import { calendarDateSchema, safeText, sequenceNumberSchema } from "~/lib/validation";

const dateOnly = calendarDateSchema();

export const auditFilterSchema = z.object({
  actor: safeText().trim().max(120).optional(),
  action: z.string().regex(/^[A-Z_]{1,60}$/, "Pick an action from the list.").optional(),
  entityType: z.string().regex(/^[A-Za-z]{1,40}$/).optional(),
  entityId: safeText().max(60).optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageSchema = z.object({
  filter: auditFilterSchema,
  before: sequenceNumberSchema().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
