import { countUnreadNotifications, listNotifications } from "~/features/notifications/queries";
import { markReadSchema } from "~/features/notifications/schema";
import { markNotificationsRead } from "~/features/notifications/service";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Everyone's own in-app inbox. */
export const notificationRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listNotifications(ctx.actor)),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnreadNotifications(ctx.actor)),
  markRead: protectedProcedure.input(markReadSchema).mutation(({ ctx, input }) => markNotificationsRead(ctx.command, input.ids)),
});
