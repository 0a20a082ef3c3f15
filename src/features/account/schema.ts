import { z } from "zod";
import { ROLES } from "~/lib/roles";

export const roleSchema = z.enum(ROLES);

export const signInSchema = z.object({
  email: z.email({ message: "Enter your work email address." }).max(254, "That email address is too long."),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const userIdSchema = z.object({ userId: z.string().min(1).max(40) });
