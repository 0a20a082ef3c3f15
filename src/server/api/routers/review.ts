import {
  addCommentSchema,
  compareVersionsSchema,
  reopenSchema,
  reviewDecisionSchema,
  reviewQueueFilterSchema,
  versionRefSchema,
  withdrawDecisionSchema,
} from "~/features/review/schema";
import {
  compareVersions,
  countReviewQueue,
  getReviewState,
  listReviewQueue,
} from "~/features/review/queries";
import { addComment, reopenWithCurrentEngine, reviewDecision, withdrawDecision } from "~/features/review/service";
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
