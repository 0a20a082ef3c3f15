import { z } from "zod";
import { STRATEGIES } from "~/engine";

const id = z.string().min(1).max(40);
const versionRef = { useCaseId: id, number: z.number().int().positive().max(100_000) };
const comment = z.string().trim().max(4000, "Keep the comment under 4,000 characters.");

export const reviewDecisionSchema = z.object({
  ...versionRef,
  /** The row version the reviewer looked at (optimistic concurrency). */
  expectedVersion: z.number().int().positive(),
  action: z.enum(["APPROVE", "REJECT", "REQUEST_CHANGES"]),
  comment: comment.optional(),
  /** Only with APPROVE: a strategy other than the recommended one is an override. */
  approvedStrategy: z.enum(STRATEGIES).optional(),
});
export type ReviewDecisionInput = z.infer<typeof reviewDecisionSchema>;

export const withdrawDecisionSchema = z.object({ ...versionRef, expectedVersion: z.number().int().positive() });
export const addCommentSchema = z.object({
  ...versionRef,
  body: z.string().trim().min(1, "Write a comment first.").max(4000, "Keep the comment under 4,000 characters."),
});
export const versionRefSchema = z.object(versionRef);
export const compareVersionsSchema = z.object({ useCaseId: id, from: versionRef.number, to: versionRef.number });

export const reviewQueueFilterSchema = z.object({
  teamId: id.optional(),
  strategy: z.enum(STRATEGIES).optional(),
  criticality: z.enum(["low", "medium", "high", "critical"]).optional(),
  maxConfidence: z.number().min(0).max(1).optional(),
  minAgeDays: z.number().int().min(0).max(3650).optional(),
});
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;
export const reopenSchema = z.object({ ...versionRef, idempotencyKey: z.uuid("The request key must be a UUID.") });
