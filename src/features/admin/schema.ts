import { z } from "zod";
import { priceTableSchema } from "~/engine";
import { roleSchema } from "~/features/account/schema";
import { idSchema, safeText } from "~/lib/validation";

const id = idSchema();

export const setRoleSchema = z.object({ userId: id, role: roleSchema });
export const unlockAccountSchema = z.object({ userId: id });
export const setActiveSchema = z.object({ userId: id, active: z.boolean() });
export const setTeamsSchema = z.object({ userId: id, teamIds: z.array(id).max(50).refine((ids) => new Set(ids).size === ids.length, "Each team once.") });
export const createTeamSchema = z.object({
  name: safeText().trim().min(2, "Give the team a name of at least 2 characters.").max(80, "Keep the name under 80 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, "Use lowercase letters, digits and dashes, e.g. payments-risk."),
  description: safeText().trim().max(500, "Keep the description under 500 characters."),
});
export const updatePricesSchema = z.object({ prices: priceTableSchema });
