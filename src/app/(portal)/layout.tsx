import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { navigationFor, ROLE_LABELS } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <AppShell
      nav={navigationFor(actor.role).map(({ href, label }) => ({ href, label }))}
      user={{ name: actor.name, email: actor.email, roleLabel: ROLE_LABELS[actor.role] }}
    >
      {children}
    </AppShell>
  );
}
