import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { hasRole } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";
import { notFound } from "next/navigation";

export const metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const actor = await requireActor("/review");
  if (!hasRole(actor.role, "REVIEWER")) notFound();
  return (
    <>
      <PageHeader title="Review queue" description="Submitted decisions from every team, oldest first." />
      <EmptyState icon="✓" title="Nothing is waiting for review">
        <p>When a team submits a use case, its recommendation lands here for a platform or MLOps lead to approve, reject or send back.</p>
      </EmptyState>
    </>
  );
}
