/**
 * The sign-in form's own check of email and password, without zod (the sign-in page's
 * JavaScript budget): the same rules and messages as `signInSchema` (~/lib/credentials), which
 * the server applies.
 */
export const SIGN_IN_MESSAGES = {
  email: "Enter your work email address.",
  emailTooLong: "That email address is too long.",
  password: "Enter your password.",
  passwordTooLong: "That password is too long.",
} as const;

/** zod 4's default email pattern (`z.email()`), which signInSchema is given explicitly. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export type SignInFieldErrors = Partial<Record<"email" | "password", string>>;

/** Field messages for what signInSchema would refuse (empty when it would accept). */
export function signInFieldErrors(email: string, password: string): SignInFieldErrors {
  const errors: SignInFieldErrors = {};
  if (!EMAIL_PATTERN.test(email)) errors.email = SIGN_IN_MESSAGES.email;
  else if (email.length > 254) errors.email = SIGN_IN_MESSAGES.emailTooLong;
  if (password.length < 1) errors.password = SIGN_IN_MESSAGES.password;
  else if (password.length > 200) errors.password = SIGN_IN_MESSAGES.passwordTooLong;
  return errors;
}
