import { z } from "zod";

const id = z.string().min(1).max(40);

/** Which notifications to mark read: "all", or up to 100 ids. */
export const markReadSchema = z.object({ ids: z.union([z.literal("all"), z.array(id).max(100)]) });
