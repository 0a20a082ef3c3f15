"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { signOutTo } from "~/components/shell/auth-client";
import { Button } from "~/components/ui/button";
import { LabelledField } from "~/components/ui/field";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

/**
 * Changes the user's own password. The server ends every session of the user, this one
 * included, so on success the browser signs out and asks for the new password.
 */
export function ChangePasswordForm() {
  const change = useProcedure(api.account.changePassword);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: Field) => String(form.get(name) ?? "");
    setErrors({});
    setMessage(null);
    if (value("newPassword") !== value("confirmPassword")) {
      setErrors({ confirmPassword: "The two new passwords differ." });
      return;
    }
    try {
      await change.mutateAsync({ currentPassword: value("currentPassword"), newPassword: value("newPassword") });
      await signOutTo("/signin?passwordChanged=1");
    } catch (e) {
      const failure = readApiError(e);
      setErrors({ currentPassword: failure.fieldErrors.currentPassword?.[0], newPassword: failure.fieldErrors.newPassword?.[0] });
      setMessage(failure.message);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="password-heading" className="max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
        Change password
      </h2>
      <p className="text-sm text-slate-600">Changing it signs you out everywhere, this browser included: sign in again with the new password.</p>
      {message ? <Alert tone="error">{message}</Alert> : null}
      <LabelledField id="currentPassword" label="Current password" error={errors.currentPassword}>
        {(field) => <input {...field} name="currentPassword" type="password" autoComplete="current-password" required />}
      </LabelledField>
      <LabelledField id="newPassword" label="New password (12 characters or more)" error={errors.newPassword}>
        {(field) => <input {...field} name="newPassword" type="password" autoComplete="new-password" minLength={12} required />}
      </LabelledField>
      <LabelledField id="confirmPassword" label="New password again" error={errors.confirmPassword}>
        {(field) => <input {...field} name="confirmPassword" type="password" autoComplete="new-password" required />}
      </LabelledField>
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
