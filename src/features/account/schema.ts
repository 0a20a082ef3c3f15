import { z } from "zod";
import { ROLES } from "~/lib/roles";
import { idSchema } from "~/lib/validation";

export const roleSchema = z.enum(ROLES);


export const userIdSchema = z.object({ userId: idSchema() });
