import {
  addCommentSchema,
  compareVersionsSchema,
  markReadSchema,
  reopenSchema,
  reviewDecisionSchema,
  reviewQueueFilterSchema,
  versionRefSchema,
  withdrawDecisionSchema,
} from "~/features/review/schema";
import {
  compareVersions,
  countReviewQueue,
  countUnreadNotifications,
  getReviewState,
  listNotifications,
  listReviewQueue,
} from "~/features/review/queries";
import { addComment, markNotificationsRead, reopenWithCurrentEngine, reviewDecision, withdrawDecision } from "~/features/review/service";
import { createTRPCRouter, protectedProcedure, reviewerProcedure } from "../trpc";

const command = (ctx: { actor: Parameters<typeof reviewDecision>[0]["actor"]; requestId: string }) => ({
  actor: ctx.actor,
  now: new Date(),
  requestId: ctx.requestId,
});

export const reviewRouter = createTRPCRouter({
  queue: reviewerProcedure.input(reviewQueueFilterSchema).query(({ input }) => listReviewQueue(input, new Date())),
  queueCount: reviewerProcedure.query(() => countReviewQueue()),
  decide: reviewerProcedure.input(reviewDecisionSchema).mutation(({ ctx, input }) => reviewDecision(command(ctx), input)),
  withdraw: protectedProcedure.input(withdrawDecisionSchema).mutation(({ ctx, input }) => withdrawDecision(command(ctx), input)),
  state: protectedProcedure.input(versionRefSchema).query(({ ctx, input }) => getReviewState(ctx.actor, input.useCaseId, input.number)),
  comment: protectedProcedure.input(addCommentSchema).mutation(({ ctx, input }) => addComment(command(ctx), input)),
  compare: protectedProcedure
    .input(compareVersionsSchema)
    .query(({ ctx, input }) => compareVersions(ctx.actor, input.useCaseId, input.from, input.to)),
  reopenWithCurrentEngine: reviewerProcedure.input(reopenSchema).mutation(({ ctx, input }) => reopenWithCurrentEngine(command(ctx), input)),
});

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listNotifications(ctx.actor)),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnreadNotifications(ctx.actor)),
  markRead: protectedProcedure.input(markReadSchema).mutation(({ ctx, input }) => markNotificationsRead(command(ctx), input.ids)),
});
