import { z } from "zod";
import { idSchema } from "~/lib/validation";

const id = idSchema();

/** Which notifications to mark read: "all", or up to 100 ids. */
export const markReadSchema = z.object({ ids: z.union([z.literal("all"), z.array(id).max(100)]) });
