import { listAuditEvents, listUseCaseTimeline, verifyAuditChain } from "~/features/audit/queries";
import { auditPageSchema } from "~/features/audit/schema-filters";
import { useCaseIdSchema } from "~/features/use-cases/schema";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(auditPageSchema).query(({ input }) => listAuditEvents(input.filter, { before: input.before, limit: input.limit })),
  verify: adminProcedure.query(() => verifyAuditChain()),
  timeline: protectedProcedure.input(useCaseIdSchema).query(({ ctx, input }) => listUseCaseTimeline(ctx.actor, input.id)),
});
