import Link from "next/link";
import { DecisionTimeline } from "~/features/audit/components/decision-timeline";
import { buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { Panel } from "~/features/decisions/components/panel";
import { DecisionSummary } from "~/features/decisions/components/decision-summary";
import { nextAction } from "~/features/decisions/present";
import { StatusBadge } from "~/components/ui/status-badge";
import { UseCaseFacts } from "~/features/use-cases/components/use-case-facts";
import { VersionHistory } from "~/features/use-cases/components/version-history";
import { When } from "~/components/ui/when";
import { orNotFound } from "~/trpc/load";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Use case" };

export default async function UseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await getServerCaller();
  const useCase = await orNotFound(caller.useCase.get({ id }));
  const latest = useCase.versions[0];
  const [decision, review] = latest
    ? await Promise.all([caller.decision.get({ useCaseId: id, number: latest.number }), caller.review.state({ useCaseId: id, number: latest.number })])
    : [null, null];
  const action = decision
    ? nextAction({ useCaseId: id, number: decision.number, status: decision.status }, { canEditDraft: useCase.canEdit, canReview: review?.canReview ?? false, isLatest: true })
    : null;

  return (
    <>
      <PageHeader
        title={useCase.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {useCase.team.name} <StatusBadge status={useCase.status} /> <span>Created by {useCase.createdBy.name}</span>
          </span>
        }
        actions={
          useCase.canEditDetails ? (
            <>
              <Link href={`/use-cases/${id}/details`} className={buttonClasses("secondary")}>
                Edit details
              </Link>
              {useCase.canEdit ? (
                <Link href={`/use-cases/${id}/edit`} className={buttonClasses("primary")}>
                  {latest ? "Edit the answers" : "Continue the questionnaire"}
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          {decision ? (
            <Panel id="latest-decision" title={`Latest decision: version ${decision.number}`} description={<>Submitted by {decision.submittedBy.name}, <When date={decision.submittedAt} />.</>}>
              <DecisionSummary version={decision} assessment={decision.assessment} action={action} framed={false} />
              <Link href={`/use-cases/${id}/versions/${decision.number}`} className="mt-5 inline-block text-sm font-semibold text-brand-700 hover:underline">
                Read the full decision: ranking, rules, estimates and answers <span aria-hidden="true">→</span>
              </Link>
            </Panel>
          ) : (
            <Panel id="no-decision" title="No decision yet">
              <p className="text-sm text-slate-600">
                Answer the questionnaire to see a live recommendation, then submit it for review. Drafts save automatically and only your team sees
                them.
              </p>
              {useCase.canEdit ? (
                <Link href={`/use-cases/${id}/edit`} className={buttonClasses("primary", "mt-4")}>
                  Continue the questionnaire
                </Link>
              ) : null}
            </Panel>
          )}
          <Panel id="history" title="Version history">
            <VersionHistory useCaseId={id} versions={useCase.versions} />
          </Panel>
          <DecisionTimeline useCaseId={id} />
        </div>
        <Panel id="details" title="Details" description={<>Last changed <When date={useCase.updatedAt} />.</>}>
          <UseCaseFacts useCase={useCase} />
        </Panel>
      </div>
    </>
  );
}
