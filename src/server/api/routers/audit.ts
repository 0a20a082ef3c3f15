import { z } from "zod";
import { getVerificationRun, listAuditEvents, listUseCaseTimeline, verificationStatus } from "~/features/audit/queries";
import { auditPageSchema } from "~/features/audit/schema-filters";
import { startFullVerification, verifyNewEvents } from "~/features/audit/service";
import { useCaseIdSchema } from "~/features/use-cases/schema";
import { idSchema } from "~/lib/validation";
import { NotFoundError } from "~/server/errors";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(auditPageSchema).query(({ input }) => listAuditEvents(input.filter, { before: input.before, after: input.after, limit: input.limit })),
  /** The latest verification results, without verifying anything (fast at any size). */
  verification: adminProcedure.query(() => verificationStatus()),
  /** One verification run, for polling a full verification's progress. */
  verificationRun: adminProcedure.input(z.object({ id: idSchema() })).query(async ({ input }) => {
    const run = await getVerificationRun(input.id);
    if (!run) throw new NotFoundError("That verification");
    return run;
  }),
  /** Verifies the events written since the latest signed checkpoint (or verified head): what a page view runs. */
  verifyNew: adminProcedure.mutation(({ ctx }) => verifyNewEvents(ctx.command)),
  /** Starts a full verification in the background (audited); poll verificationRun for progress. */
  verifyFull: adminProcedure.mutation(async ({ ctx }) => {
    const { id, alreadyRunning } = await startFullVerification(ctx.command);
    return { id, alreadyRunning };
  }),
  timeline: protectedProcedure.input(useCaseIdSchema).query(({ ctx, input }) => listUseCaseTimeline(ctx.actor, input.id)),
});
