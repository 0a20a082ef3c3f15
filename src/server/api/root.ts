import { accountRouter, adminRouter, teamRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { decisionLogRouter } from "./routers/decision-log";
import { notificationRouter } from "./routers/notification";
import { reviewRouter } from "./routers/review";
import { decisionRouter, useCaseRouter } from "./routers/use-case";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  team: teamRouter,
  admin: adminRouter,
  useCase: useCaseRouter,
  decision: decisionRouter,
  review: reviewRouter,
  notification: notificationRouter,
  decisionLog: decisionLogRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

/** `createCaller(createInnerContext({ sessionUserId }))` — every procedure without HTTP. */
export const createCaller = createCallerFactory(appRouter);
