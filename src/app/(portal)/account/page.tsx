import { PageHeader } from "~/components/ui/page-header";
import { ChangePasswordForm } from "~/features/account/components/change-password-form";
import { ROLE_LABELS } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader
        title="Your account"
        description={
          <>
            {actor.name} · {actor.email} · {ROLE_LABELS[actor.role]}. If you sign in with company SSO, your password is managed there.
          </>
        }
      />
      <ChangePasswordForm />
    </>
  );
}
