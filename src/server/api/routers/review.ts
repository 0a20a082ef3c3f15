import { compareVersionsSchema, reopenSchema, versionRefSchema, withdrawDecisionSchema } from "~/features/decisions/schema";
import { compareVersions } from "~/features/decisions/queries";
import { reopenWithCurrentEngine, withdrawDecision } from "~/features/decisions/service";
import { addCommentSchema, reviewDecisionSchema, reviewQueueFilterSchema } from "~/features/review/schema";
import {
  countReviewQueue,
  getReviewState,
  listReviewQueue,
} from "~/features/review/queries";
import { addComment, reviewDecision } from "~/features/review/service";
import { createTRPCRouter, protectedProcedure, reviewerProcedure } from "../trpc";

export const reviewRouter = createTRPCRouter({
  queue: reviewerProcedure.input(reviewQueueFilterSchema).query(({ input }) => listReviewQueue(input, new Date())),
  queueCount: reviewerProcedure.query(() => countReviewQueue()),
  decide: reviewerProcedure.input(reviewDecisionSchema).mutation(({ ctx, input }) => reviewDecision(ctx.command, input)),
  withdraw: protectedProcedure.input(withdrawDecisionSchema).mutation(({ ctx, input }) => withdrawDecision(ctx.command, input)),
  state: protectedProcedure.input(versionRefSchema).query(({ ctx, input }) => getReviewState(ctx.actor, input.useCaseId, input.number)),
  comment: protectedProcedure.input(addCommentSchema).mutation(({ ctx, input }) => addComment(ctx.command, input)),
  compare: protectedProcedure
    .input(compareVersionsSchema)
    .query(({ ctx, input }) => compareVersions(ctx.actor, input.useCaseId, input.from, input.to)),
  reopenWithCurrentEngine: reviewerProcedure.input(reopenSchema).mutation(({ ctx, input }) => reopenWithCurrentEngine(ctx.command, input)),
});
