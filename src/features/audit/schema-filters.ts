import { z } from "zod";

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-28.");

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(120).optional(),
  action: z.string().regex(/^[A-Z_]{1,60}$/, "Pick an action from the list.").optional(),
  entityType: z.string().regex(/^[A-Za-z]{1,40}$/).optional(),
  entityId: z.string().max(60).optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageSchema = z.object({
  filter: auditFilterSchema,
  before: z.string().regex(/^\d{1,19}$/).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
