import { z } from "zod";
import { ROLES } from "~/lib/roles";

export const roleSchema = z.enum(ROLES);


export const userIdSchema = z.object({ userId: z.string().min(1).max(40) });
