import { redirect } from "next/navigation";
import { PageHeader } from "~/components/ui/page-header";
import { DetailsForm } from "~/features/use-cases/components/details-form";
import { orNotFound } from "~/trpc/load";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Edit details" };

export default async function EditDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const useCase = await orNotFound((await getServerCaller()).useCase.get({ id }));
  if (!useCase.canEditDetails) redirect(`/use-cases/${id}`);
  const { title, description, owner, modelRepoUrl, dashboardUrl, tags } = useCase;
  return (
    <>
      <PageHeader title="Edit details" description={`${useCase.team.name} · ${useCase.title}`} />
      <DetailsForm
        mode={{ kind: "edit", id, revision: useCase.revision }}
        initial={{ title, description, owner, modelRepoUrl, dashboardUrl, tags }}
        cancelHref={`/use-cases/${id}`}
      />
    </>
  );
}
