import { z } from "zod";
import { ROLES } from "~/lib/roles";
import { idSchema } from "~/lib/validation";

export const roleSchema = z.enum(ROLES);


export const userIdSchema = z.object({ userId: idSchema() });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200, "That password is too long."),
    newPassword: z.string().min(12, "Use at least 12 characters.").max(200, "Keep it under 200 characters."),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
