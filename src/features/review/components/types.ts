import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `review.state` answers: status, reviewer decision, thread and what the viewer may do. */
export type ReviewState = Outputs["review"]["state"];
export type ReviewComment = ReviewState["comments"][number];
export type Reevaluation = NonNullable<ReviewState["reevaluation"]>;
