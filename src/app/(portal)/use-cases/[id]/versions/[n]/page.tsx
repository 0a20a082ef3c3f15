import Link from "next/link";
import { PageHeader } from "~/components/ui/page-header";
import { DecisionSummary } from "~/features/decisions/components/decision-summary";
import { DecisionView } from "~/features/decisions/components/decision-view";
import { TradeoffChart } from "~/features/decisions/components/tradeoff-chart";
import { Panel } from "~/features/decisions/components/panel";
import { nextAction, tradeoffChartData } from "~/features/decisions/present";
import { ReviewPanel } from "~/features/review/components/review-panel";
import { StatusBadge } from "~/components/ui/status-badge";
import { UseCaseFacts } from "~/features/use-cases/components/use-case-facts";
import { VersionHistory } from "~/features/use-cases/components/version-history";
import { When } from "~/components/ui/when";
import { buttonClasses } from "~/components/ui/button";
import { orNotFound, versionNumberOrNotFound } from "~/trpc/load";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Decision" };

export default async function DecisionPage({ params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  const number = versionNumberOrNotFound(n);
  const caller = await getServerCaller();
  const [decision, useCase, review] = await Promise.all([
    orNotFound(caller.decision.get({ useCaseId: id, number })),
    orNotFound(caller.useCase.get({ id })),
    orNotFound(caller.review.state({ useCaseId: id, number })),
  ]);
  const action = nextAction(
    { useCaseId: id, number: decision.number, status: decision.status },
    { canEditDraft: useCase.canEdit, canReview: review.canReview, isLatest: useCase.versions[0]?.number === decision.number },
  );

  return (
    <>
      <PageHeader
        title={decision.useCase.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>Decision, version {decision.number}</span> <StatusBadge status={decision.status} /> <span>{decision.useCase.team.name}</span>
          </span>
        }
        actions={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-2 print:hidden">
            <Link href={`/use-cases/${id}`} className="text-sm font-semibold text-brand-700 hover:underline">
              <span aria-hidden="true">←</span> Use case overview
            </Link>
            {/* The review panel sits below the assessment (far down on a phone): the way to it starts here. */}
            {review.canReview ? (
              <a href="#review" className={buttonClasses("primary")}>
                Review this version <span aria-hidden="true">↓</span>
              </a>
            ) : null}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] print:block">
        <div className="min-w-0 space-y-6">
          <DecisionSummary
            version={decision}
            assessment={decision.assessment}
            action={action}
            chart={<TradeoffChart id="decision-tradeoffs" data={tradeoffChartData(decision.assessment, decision.answers, decision.approvedStrategy)} />}
          />
          <DecisionView assessment={decision.assessment} answers={decision.answers} />
        </div>
        <div className="space-y-6 print:mt-6">
          <ReviewPanel useCaseId={id} number={decision.number} state={review} />
          <Panel id="record" title="On the record">
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between gap-3">
                <dt className="text-slate-500">Status</dt>
                <dd>
                  <StatusBadge status={decision.status} />
                </dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-slate-500">Version</dt>
                <dd className="font-medium">{decision.number}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-slate-500">Engine version</dt>
                <dd className="font-medium">{decision.engineVersion}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-slate-500">Submitted by</dt>
                <dd className="text-right font-medium">
                  {decision.submittedBy.name}
                  <span className="block text-xs font-normal text-slate-500">{decision.submittedBy.email}</span>
                </dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-slate-500">Submitted</dt>
                <dd className="text-right font-medium">
                  <When date={decision.submittedAt} />
                </dd>
              </div>
            </dl>
          </Panel>
          <Panel id="use-case" title="Use case">
            <UseCaseFacts useCase={decision.useCase} />
          </Panel>
          <Panel id="versions" title="Version history">
            <VersionHistory useCaseId={id} versions={useCase.versions} current={decision.number} />
          </Panel>
        </div>
      </div>
    </>
  );
}
