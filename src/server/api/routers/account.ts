import { getActor, listAllTeams, listTeamsOfUser, listUsers } from "~/features/account/queries";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure, reviewerProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  /** Who am I? Null when signed out (public: the shell asks before it knows). */
  whoAmI: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.sessionUserId) return null;
    const actor = await getActor(ctx.sessionUserId);
    return actor?.active ? actor : null;
  }),
  me: protectedProcedure.query(async ({ ctx }) => ({
    ...ctx.actor,
    teams: await listTeamsOfUser(ctx.actor.id),
  })),
  myTeams: protectedProcedure.query(({ ctx }) => listTeamsOfUser(ctx.actor.id)),
});

export const teamRouter = createTRPCRouter({
  /** Every team, for reviewers' filters and the admin overview. */
  listAll: reviewerProcedure.query(() => listAllTeams()),
});

export const adminRouter = createTRPCRouter({
  listUsers: adminProcedure.query(() => listUsers()),
});
