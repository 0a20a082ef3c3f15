import { z } from "zod";

/** Email and password as the sign-in form and the server both check them. */
export const signInSchema = z.object({
  email: z.email({ message: "Enter your work email address." }).max(254, "That email address is too long."),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;
