import { z } from "zod";
import { EMAIL_PATTERN, SIGN_IN_MESSAGES } from "./credentials-check";

/** Email and password as the server checks them (the form checks the same rules: ./credentials-check). */
export const signInSchema = z.object({
  email: z.email({ pattern: EMAIL_PATTERN, message: SIGN_IN_MESSAGES.email }).max(254, SIGN_IN_MESSAGES.emailTooLong),
  password: z.string().min(1, SIGN_IN_MESSAGES.password).max(200, SIGN_IN_MESSAGES.passwordTooLong),
});
export type SignInInput = z.infer<typeof signInSchema>;
