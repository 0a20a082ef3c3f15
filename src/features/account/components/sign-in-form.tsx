"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { LabelledField } from "~/components/ui/field";
import { signInSchema } from "~/lib/credentials";
import { safeCallbackPath, signInErrorMessage } from "../sign-in-messages";

type FieldErrors = Partial<Record<"email" | "password", string>>;

export function SignInForm({ callbackUrl, initialError, ssoName }: { callbackUrl: string; initialError: string | null; ssoName: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const flat = parsed.error.flatten().fieldErrors;
      setFieldErrors({ email: flat.email?.[0], password: flat.password?.[0] });
      setError(null);
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error ?? "unknown"));
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
          <Button variant="secondary" className="w-full" onClick={() => void signIn("oidc", { callbackUrl: safeCallbackPath(callbackUrl) })}>
            Continue with {ssoName}
          </Button>
        </>
      ) : null}
    </div>
  );
}
