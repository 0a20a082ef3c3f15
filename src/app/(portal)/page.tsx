import { PageHeader } from "~/components/ui/page-header";
import { NextSteps } from "~/features/home/components/next-steps";
import { RecentDecisions } from "~/features/home/components/recent-decisions";
import { ROLE_LABELS } from "~/lib/roles";
import { getServerCaller } from "~/trpc/server";

export default async function HomePage() {
  const caller = await getServerCaller();
  const me = await caller.account.me();
  const mine = me.teams.length > 0 ? await caller.useCase.listMine({}) : [];
  const firstName = me.name.split(" ")[0] ?? me.name;
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={
          <>
            You are signed in as a <strong>{ROLE_LABELS[me.role].toLowerCase()}</strong>
            {me.teams.length > 0 ? <> in {me.teams.map((t) => t.name).join(", ")}</> : null}. Servewise helps decide
            whether a model should serve its predictions in scheduled batches, in real time, or some way in between —
            trading latency, cost and complexity against what the business needs.
          </>
        }
      />
      <h2 className="sr-only">What to do next</h2>
      <NextSteps role={me.role} teamNames={me.teams.map((t) => t.name)} />
      <RecentDecisions rows={mine} />
    </>
  );
}
