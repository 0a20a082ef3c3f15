import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { ListFiltersBar } from "~/features/use-cases/components/list-filters-bar";
import { UseCaseList } from "~/features/use-cases/components/use-case-list";
import { readListFilters } from "~/features/use-cases/list-filters";
import { hasRole } from "~/lib/roles";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "My use cases" };

export default async function UseCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readListFilters(await searchParams);
  const caller = await getServerCaller();
  const [me, teams, rows] = await Promise.all([
    caller.account.me(),
    caller.account.myTeams(),
    caller.useCase.listMine({ query: filters.query || undefined, teamId: filters.teamId || undefined }),
  ]);
  const newButton = (
    <Link href="/use-cases/new" className={buttonClasses("primary")}>
      <span aria-hidden="true">+</span> New use case
    </Link>
  );
  const filtered = filters.query !== "" || filters.teamId !== "";

  return (
    <>
      <PageHeader
        title="My use cases"
        description="Your teams' use cases and the decision on each: what was approved (or where its review stands), then what the engine recommended."
        actions={teams.length > 0 ? newButton : undefined}
      />
      {teams.length === 0 ? (
        hasRole(me.role, "REVIEWER") ? (
          <EmptyState
            icon="◎"
            title="You are not in a team"
            action={
              <Link href="/review" className={buttonClasses("primary")}>
                Open the review queue
              </Link>
            }
          >
            <p>
              This page lists the use cases of the teams you belong to. As a reviewer you see every team&apos;s submitted decisions in the review
              queue and the decision log; to describe a use case of your own, an admin adds you to its team.
            </p>
          </EmptyState>
        ) : (
          <EmptyState icon="◎" title="You are not in a team yet">
            <p>Use cases belong to teams. Ask an admin to add you to your team.</p>
          </EmptyState>
        )
      ) : (
        <>
          {rows.length > 0 || filtered ? <ListFiltersBar initial={filters} teams={teams} /> : null}
          {rows.length > 0 ? (
            <UseCaseList rows={rows} showTeam={teams.length > 1} />
          ) : filtered ? (
            <EmptyState
              icon="⌕"
              title="No use case matches"
              action={
                <Link href="/use-cases" className={buttonClasses("secondary")}>
                  Clear the search
                </Link>
              }
            >
              <p>Nothing in {teams.map((t) => t.name).join(", ")} has that title or tag. Tags match whole words, like “fraud”.</p>
            </EmptyState>
          ) : (
            <EmptyState icon="◎" title="No use cases yet" action={newButton}>
              <p>
                Describe a model&apos;s serving need for {teams.map((t) => t.name).join(", ")}: who waits for its predictions, how fresh they must
                be and how much traffic to expect. Servewise recommends batch, real-time or something in between, with reasons.
              </p>
            </EmptyState>
          )}
        </>
      )}
    </>
  );
}
