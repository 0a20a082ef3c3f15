import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { DetailsForm } from "~/features/use-cases/components/details-form";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "New use case" };

export default async function NewUseCasePage() {
  const teams = await (await getServerCaller()).account.myTeams();
  return (
    <>
      <PageHeader title="New use case" description="Start with what it is and who owns it. Next comes the questionnaire that turns it into a recommendation." />
      {teams.length === 0 ? (
        <EmptyState icon="◎" title="You are not in a team yet">
          <p>Use cases belong to teams. Ask an admin to add you to your team.</p>
        </EmptyState>
      ) : (
        <DetailsForm mode={{ kind: "create", teams }} cancelHref="/use-cases" />
      )}
    </>
  );
}
