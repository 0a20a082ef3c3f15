import { z } from "zod";
import { STRATEGIES } from "~/engine";

import { id, versionRef } from "~/features/decisions/schema";
import { positiveInt32, safeText } from "~/lib/validation";

const comment = safeText().trim().max(4000, "Keep the comment under 4,000 characters.");

export const reviewDecisionSchema = z.object({
  ...versionRef,
  /** The row version the reviewer looked at (optimistic concurrency). */
  expectedVersion: positiveInt32(),
  action: z.enum(["APPROVE", "REJECT", "REQUEST_CHANGES"]),
  comment: comment.optional(),
  /** Only with APPROVE: a strategy other than the recommended one is an override. */
  approvedStrategy: z.enum(STRATEGIES).optional(),
});
export type ReviewDecisionInput = z.infer<typeof reviewDecisionSchema>;

export const addCommentSchema = z.object({
  ...versionRef,
  body: safeText().trim().min(1, "Write a comment first.").max(4000, "Keep the comment under 4,000 characters."),
});

export const reviewQueueFilterSchema = z.object({
  teamId: id.optional(),
  strategy: z.enum(STRATEGIES).optional(),
  criticality: z.enum(["low", "medium", "high", "critical"]).optional(),
  maxConfidence: z.number().min(0).max(1).optional(),
  minAgeDays: z.number().int().min(0).max(3650).optional(),
});
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;
