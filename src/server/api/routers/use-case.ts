import {
  createUseCaseSchema,
  listUseCasesSchema,
  saveDraftSchema,
  submitUseCaseSchema,
  updateDetailsSchema,
  useCaseIdSchema,
} from "~/features/use-cases/schema";
import { versionRefSchema } from "~/features/decisions/schema";
import { getDecision } from "~/features/decisions/queries";
import { getUseCase, listMyUseCases } from "~/features/use-cases/queries";
import { createUseCase, saveDraft, submitUseCase, updateUseCaseDetails } from "~/features/use-cases/service";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const useCaseRouter = createTRPCRouter({
  create: protectedProcedure
    .input(createUseCaseSchema)
    .mutation(({ ctx, input }) => createUseCase(ctx.command, input)),
  updateDetails: protectedProcedure
    .input(updateDetailsSchema)
    .mutation(({ ctx, input }) => updateUseCaseDetails(ctx.command, input)),
  saveDraft: protectedProcedure
    .input(saveDraftSchema)
    .mutation(({ ctx, input }) => saveDraft(ctx.command, input)),
  submit: protectedProcedure
    .input(submitUseCaseSchema)
    .mutation(async ({ ctx, input }) => {
      const { versionNumber } = await submitUseCase(ctx.command, input);
      return { versionNumber };
    }),
  get: protectedProcedure.input(useCaseIdSchema).query(({ ctx, input }) => getUseCase(ctx.actor, input.id)),
  listMine: protectedProcedure.input(listUseCasesSchema).query(({ ctx, input }) => listMyUseCases(ctx.actor, input)),
});

export const decisionRouter = createTRPCRouter({
  get: protectedProcedure.input(versionRefSchema).query(({ ctx, input }) => getDecision(ctx.actor, input.useCaseId, input.number)),
});
