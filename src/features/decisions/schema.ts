import { z } from "zod";
import { idSchema, positiveInt32 } from "~/lib/validation";

/** Inputs that name a decision version, and the commands on versions themselves. */
export const id = idSchema();
export const versionNumber = z.number().int().positive().max(100_000);
export const versionRef = { useCaseId: id, number: versionNumber };

/** Version N of a use case. */
export const versionRefSchema = z.object(versionRef);
/** The submitter takes a submitted version back, naming the row version they saw. */
export const withdrawDecisionSchema = z.object({ ...versionRef, expectedVersion: positiveInt32() });
/** Two versions of one use case, to compare. */
export const compareVersionsSchema = z.object({ useCaseId: id, from: versionNumber, to: versionNumber });
/** Re-score a decision with today's engine as version N+1 (an idempotency key guards a retry). */
export const reopenSchema = z.object({ ...versionRef, idempotencyKey: z.uuid("The request key must be a UUID.") });
