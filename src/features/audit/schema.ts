/**
 * The typed audit payloads: one zod schema per action (past tense), as a discriminated
 * union, so every event's payload has a known shape. Changes carry `before`/`after`.
 */
import { z } from "zod";

const detailsSnapshot = z.object({
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  modelRepoUrl: z.string(),
  dashboardUrl: z.string(),
  tags: z.array(z.string()),
});

export const auditEventInputSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("USE_CASE_CREATED"),
    entityType: z.literal("UseCase"),
    payload: z.object({ teamId: z.string(), after: detailsSnapshot }),
  }),
  z.object({
    action: z.literal("USE_CASE_DETAILS_CHANGED"),
    entityType: z.literal("UseCase"),
    payload: z.object({ before: detailsSnapshot.partial(), after: detailsSnapshot.partial() }),
  }),
  z.object({
    action: z.literal("DECISION_SUBMITTED"),
    entityType: z.literal("DecisionVersion"),
    payload: z.object({
      useCaseId: z.string(),
      versionNumber: z.number().int().positive(),
      recommended: z.string(),
      confidence: z.number(),
      engineVersion: z.string(),
      idempotencyKey: z.string(),
      statusBefore: z.string(),
      statusAfter: z.literal("SUBMITTED"),
    }),
  }),
]);

export type AuditEventInput = z.infer<typeof auditEventInputSchema>;
export type AuditAction = AuditEventInput["action"];
