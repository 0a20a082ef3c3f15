import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { getEnv, isSsoEnabled } from "~/env";
import { SignInForm } from "~/features/account/components/sign-in-form";
import { safeCallbackPath, signInErrorMessage } from "~/features/account/sign-in-messages";
import { getCurrentActor } from "~/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackPath(one(params.callbackUrl));
  if (await getCurrentActor()) redirect(callbackUrl);
  const env = getEnv();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span aria-hidden="true" className="mx-auto flex h-12 w-12 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">
            Sw
          </span>
          <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">Sign in to Servewise</h1>
          <p className="mt-2 text-sm text-slate-600">Decide how to serve your model&apos;s predictions — batch, real-time, or in between.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {one(params.passwordChanged) ? (
            <div className="mb-4">
              <Alert tone="success">Your password has changed, and every session has ended. Sign in with the new password.</Alert>
            </div>
          ) : one(params.signedOut) ? (
            <div className="mb-4">
              <Alert tone="success">You have signed out.</Alert>
            </div>
          ) : null}
          <SignInForm
            callbackUrl={callbackUrl}
            initialError={signInErrorMessage(one(params.error))}
            ssoName={isSsoEnabled(env) ? env.OIDC_NAME : null}
          />
        </div>
      </div>
    </main>
  );
}
