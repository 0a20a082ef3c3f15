"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { LabelledField } from "~/components/ui/field";
import { signInWithPassword, signInWithProvider } from "~/components/shell/auth-client";
import { signInFieldErrors, type SignInFieldErrors } from "~/lib/credentials-check";
import { safeCallbackPath, signInErrorMessage } from "../sign-in-messages";

export function SignInForm({ callbackUrl, initialError, ssoName }: { callbackUrl: string; initialError: string | null; ssoName: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<SignInFieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const invalid = signInFieldErrors(credentials.email, credentials.password);
    if (invalid.email || invalid.password) {
      setFieldErrors(invalid);
      setError(null);
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      const refusal = await signInWithPassword(credentials, safeCallbackPath(callbackUrl));
      if (refusal) {
        setError(signInErrorMessage(refusal));
        setPending(false);
        return;
      }
      router.replace(safeCallbackPath(callbackUrl));
      router.refresh();
    } catch {
      setError("Servewise could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form noValidate method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} className="space-y-4" aria-label="Sign in with email and password">
        <LabelledField id="email" label="Work email" error={fieldErrors.email}>
          {(field) => <input {...field} name="email" type="email" autoComplete="username" required />}
        </LabelledField>
        <LabelledField id="password" label="Password" error={fieldErrors.password}>
          {(field) => <input {...field} name="password" type="password" autoComplete="current-password" required />}
        </LabelledField>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {ssoName ? (
        <>
          <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
            <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button variant="secondary" className="w-full" onClick={() => void signInWithProvider("oidc", safeCallbackPath(callbackUrl))}>
            Continue with {ssoName}
          </Button>
        </>
      ) : null}
    </div>
  );
}
