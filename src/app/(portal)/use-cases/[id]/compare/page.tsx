import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { AnswerChangeList, CompareAnswers } from "~/features/review/components/compare-answers";
import { AssessmentChangeList, CompareAssessment } from "~/features/review/components/compare-assessment";
import { ChangesOnly } from "~/features/review/components/changes-only";
import { ComparePicker } from "~/features/review/components/compare-picker";
import { assessmentChangeSummary, changedFields, defaultComparison, pickVersion } from "~/features/review/present";
import { orNotFound } from "~/trpc/load";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Compare versions" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CompareVersionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const caller = await getServerCaller();
  const useCase = await orNotFound(caller.useCase.get({ id }));
  const numbers = useCase.versions.map((v) => v.number);
  const fallback = defaultComparison(numbers);
  const back = (
    <Link href={`/use-cases/${id}`} className="text-sm font-semibold text-brand-700 hover:underline">
      <span aria-hidden="true">←</span> Use case overview
    </Link>
  );

  if (!fallback) {
    return (
      <>
        <PageHeader title="Compare versions" description={useCase.title} actions={back} />
        <EmptyState icon="⇄" title="Nothing to compare yet">
          <p>
            {useCase.title} has {numbers.length === 0 ? "no submitted version" : "one submitted version"}. When the team edits the answers and submits
            again, you can compare any two versions here.
          </p>
        </EmptyState>
      </>
    );
  }

  const from = pickVersion(query.from, numbers) ?? fallback.from;
  const to = pickVersion(query.to, numbers) ?? fallback.to;
  const comparison = await orNotFound(caller.review.compare({ useCaseId: id, from, to }));
  const answerFields = changedFields(comparison.answerChanges);
  const nAnswers = answerFields.size;

  return (
    <>
      <PageHeader title="Compare versions" description={`${useCase.title} · ${useCase.team.name}`} actions={back} />
      <ComparePicker key={`${from}-${to}`} useCaseId={id} versions={useCase.versions} from={from} to={to} />
      <p role="status" className="mb-6 text-sm text-slate-700" data-testid="compare-summary">
        {from === to ? (
          <>You are comparing version {from} with itself: pick two different versions.</>
        ) : (
          <>
            From <Link href={`/use-cases/${id}/versions/${from}`} className="font-semibold text-brand-700 hover:underline">version {from}</Link> to{" "}
            <Link href={`/use-cases/${id}/versions/${to}`} className="font-semibold text-brand-700 hover:underline">version {to}</Link>:{" "}
            {nAnswers === 0 ? "no answer changed" : `${nAnswers} answer${nAnswers === 1 ? "" : "s"} changed`}; {assessmentChangeSummary(comparison.assessmentChanges)}
            {comparison.from.engineVersion !== comparison.to.engineVersion
              ? ` (engine ${comparison.from.engineVersion} → ${comparison.to.engineVersion})`
              : ""}
            .
          </>
        )}
      </p>
      <div className="space-y-10">
        <section aria-labelledby="compare-changes-heading" className="rounded-xl border border-amber-200 bg-amber-50/40 p-5" data-testid="what-changed">
          <h2 id="compare-changes-heading" className="text-lg font-semibold text-slate-900">
            What changed
          </h2>
          <div className="mt-3 grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="mb-2 text-base font-semibold text-slate-900">Answers</h3>
              <AnswerChangeList fromAnswers={comparison.from.answers} toAnswers={comparison.to.answers} changed={answerFields} />
            </div>
            <div>
              <h3 className="mb-2 text-base font-semibold text-slate-900">Assessment</h3>
              <AssessmentChangeList changes={comparison.assessmentChanges} />
            </div>
          </div>
        </section>
        <ChangesOnly nothingChanged={nAnswers === 0 && comparison.assessmentChanges.length === 0}>
          <div className="space-y-10">
            <section aria-labelledby="compare-answers-heading">
              <h2 id="compare-answers-heading" className="mb-3 text-lg font-semibold text-slate-900">
                Answers side by side
              </h2>
              <CompareAnswers from={from} to={to} fromAnswers={comparison.from.answers} toAnswers={comparison.to.answers} changed={answerFields} />
            </section>
            <section aria-labelledby="compare-assessment-heading">
              <h2 id="compare-assessment-heading" className="mb-3 text-lg font-semibold text-slate-900">
                Assessment side by side
              </h2>
              <CompareAssessment
                from={from}
                to={to}
                fromDigest={comparison.from.digest}
                toDigest={comparison.to.digest}
                changes={comparison.assessmentChanges}
              />
            </section>
          </div>
        </ChangesOnly>
      </div>
    </>
  );
}
