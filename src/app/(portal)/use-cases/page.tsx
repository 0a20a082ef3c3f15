import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "My use cases" };

export default async function UseCasesPage() {
  const teams = await (await getServerCaller()).account.myTeams();
  return (
    <>
      <PageHeader title="My use cases" description="Your teams' use cases, their recommended serving strategy and review status." />
      <EmptyState icon="◎" title={teams.length > 0 ? "No use cases yet" : "You are not in a team yet"}>
        {teams.length > 0 ? (
          <>
            <p>
              Use cases of {teams.map((t) => t.name).join(", ")} will be listed here with their status, recommended
              strategy and last change.
            </p>
            <p>The questionnaire that turns a use case into a scored recommendation is being built next.</p>
          </>
        ) : (
          <p>Use cases belong to teams. Ask an admin to add you to your team.</p>
        )}
      </EmptyState>
    </>
  );
}
