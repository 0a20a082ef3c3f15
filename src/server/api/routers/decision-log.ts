import { listDecisionLog } from "~/features/decision-log/queries";
import { decisionLogPageSchema } from "~/features/decision-log/schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const decisionLogRouter = createTRPCRouter({
  /** One keyset page of every decision version the viewer may see. */
  list: protectedProcedure.input(decisionLogPageSchema).query(({ ctx, input }) => listDecisionLog(ctx.actor, input)),
});
