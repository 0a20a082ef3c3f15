import { listAllTeams, listTeamsOfUser, listUsers } from "~/features/account/queries";
import { changePasswordSchema } from "~/features/account/schema";
import { changePassword } from "~/features/account/service";
import { getActor } from "~/server/auth/identity";
import { getPriceSettings } from "~/features/admin/queries";
import { createTeamSchema, setActiveSchema, setRoleSchema, setTeamsSchema, unlockAccountSchema, updatePricesSchema } from "~/features/admin/schema";
import { createTeam, setUserActive, setUserRole, setUserTeams, unlockAccount, updatePriceTable } from "~/features/admin/service";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure, reviewerProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  /** Who am I? Null when signed out (public: the shell asks before it knows). */
  whoAmI: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.sessionUserId) return null;
    const actor = await getActor(ctx.sessionUserId, ctx.sessionVersion);
    return actor?.active ? actor : null;
  }),
  me: protectedProcedure.query(async ({ ctx }) => ({
    ...ctx.actor,
    teams: await listTeamsOfUser(ctx.actor.id),
  })),
  myTeams: protectedProcedure.query(({ ctx }) => listTeamsOfUser(ctx.actor.id)),
  /** Ends every session of the user, this one included. */
  changePassword: protectedProcedure.input(changePasswordSchema).mutation(({ ctx, input }) => changePassword(ctx.command, input)),
});

export const teamRouter = createTRPCRouter({
  /** Every team, for reviewers' filters and the admin overview. */
  listAll: reviewerProcedure.query(() => listAllTeams()),
});

export const adminRouter = createTRPCRouter({
  listUsers: adminProcedure.query(() => listUsers()),
  setRole: adminProcedure.input(setRoleSchema).mutation(({ ctx, input }) => setUserRole(ctx.command, input)),
  setActive: adminProcedure.input(setActiveSchema).mutation(({ ctx, input }) => setUserActive(ctx.command, input)),
  unlockAccount: adminProcedure.input(unlockAccountSchema).mutation(({ ctx, input }) => unlockAccount(ctx.command, input)),
  setTeams: adminProcedure.input(setTeamsSchema).mutation(({ ctx, input }) => setUserTeams(ctx.command, input)),
  createTeam: adminProcedure.input(createTeamSchema).mutation(({ ctx, input }) => createTeam(ctx.command, input)),
  getPrices: adminProcedure.query(() => getPriceSettings()),
  updatePrices: adminProcedure.input(updatePricesSchema).mutation(({ ctx, input }) => updatePriceTable(ctx.command, input.prices)),
});
