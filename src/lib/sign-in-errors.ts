/**
 * The error codes a refused sign-in carries (next-auth passes the code thrown by `authorize`
 * to the page), shared by the server that throws them and the page that explains them.
 */
export const SIGN_IN_ERRORS = {
  invalid: "InvalidCredentials",
  deactivated: "AccountDeactivated",
  notProvisioned: "NotProvisioned",
  /** Followed by `:<seconds>` until the next attempt is allowed. */
  tooManyAttempts: "TooManyAttempts",
  busy: "SignInBusy",
} as const;

export function tooManyAttemptsCode(retryAfterSeconds: number): string {
  return `${SIGN_IN_ERRORS.tooManyAttempts}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** "3 minutes" / "40 seconds" / "2 hours" (a wait of 46 s or more reads in whole minutes). */
export function retryAfterText(seconds: number): string {
  if (seconds <= 45) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}

/** The sentence for a too-many-attempts refusal. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  return `Too many attempts — try again in ${retryAfterText(Math.max(1, Math.ceil(retryAfterSeconds)))}.`;
}
