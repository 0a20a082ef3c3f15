import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { draftAnswersSchema, questionnaire, type AnswerField, type DraftAnswers } from "~/engine";
import type { QuestionTexts } from "~/features/questionnaire/components/question-texts";
import { decisionLink } from "~/features/decisions/present";
import { LiveRecommendation } from "~/features/questionnaire/components/live-recommendation";
import { questionTexts } from "~/features/questionnaire/components/question-intro";
import { QuestionnaireForm } from "~/features/questionnaire/components/questionnaire-form";
import { resubmissionStart } from "~/features/use-cases/workflow";
import { orNotFound } from "~/trpc/load";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Questionnaire" };

const VERSION = /^[1-9]\d{0,5}$/;

// Each question's words (label, help, example, options), rendered here rather than in the form's JavaScript.
const wording = Object.fromEntries(questionnaire.flatMap((step) => step.questions).map((q) => [q.field, questionTexts(q)])) as Record<AnswerField, QuestionTexts>;

export default async function EditAnswersPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const caller = await getServerCaller();
  const useCase = await orNotFound(caller.useCase.get({ id }));
  if (!useCase.canEdit) redirect(`/use-cases/${id}`);
  const parsed = draftAnswersSchema.safeParse(useCase.draftAnswers ?? {});
  const draft: DraftAnswers = parsed.success ? parsed.data : {};

  // "Edit answers and resubmit" from a reviewed version: open on that version's answers.
  const fromText = typeof search.from === "string" && VERSION.test(search.from) ? search.from : null;
  const source = fromText ? await caller.decision.get({ useCaseId: id, number: Number(fromText) }).catch(() => null) : null;
  const versionAnswers = source ? draftAnswersSchema.safeParse(source.answers) : null;
  const start = source && versionAnswers?.success ? resubmissionStart(draft, versionAnswers.data, search.restore === "1") : null;
  const nextNumber = (useCase.versions[0]?.number ?? 0) + 1;
  // The form keeps its state across the refresh after each autosave (the draft changes, and with
  // it `start`): only opening another version, or restoring one, starts it again.
  const formKey = fromText ? `from-${fromText}${search.restore === "1" ? "-restore" : ""}` : "draft";

  // What the notice says of how the page opened stays through the refreshes after autosaves (the form keeps it).
  const notice =
    source && start ? (
      <div className="mb-6" data-testid="resubmit-notice">
        <Alert>
          <p className="font-semibold">
            Resubmitting{" "}
            <Link href={decisionLink(id, source.number)} className="underline">
              version {source.number}
            </Link>
            {source.reviewedBy ? `: ${source.reviewedBy.name} ${source.status === "REJECTED" ? "rejected it" : source.status === "CHANGES_REQUESTED" ? "requested changes" : "reviewed it"}` : ""}
            .
          </p>
          {source.reviewComment ? <blockquote className="mt-2 border-l-2 border-brand-600 pl-3 whitespace-pre-wrap">{source.reviewComment}</blockquote> : null}
          <p className="mt-2">
            {start.from === "version"
              ? `The form holds version ${source.number}'s answers${start.draftDiffers ? ", in place of your team's later draft once you save" : ""}. Change what was asked, then submit version ${nextNumber}.`
              : `Your team's draft has changed since version ${source.number}, so the form holds the draft. Change what was asked, then submit version ${nextNumber}.`}
          </p>
          {start.from === "draft" ? (
            <Link href={`/use-cases/${id}/edit?from=${source.number}&restore=1`} className="mt-2 inline-block font-semibold underline">
              Start from version {source.number}&apos;s answers instead
            </Link>
          ) : null}
        </Alert>
      </div>
    ) : null;

  return (
    <>
      <PageHeader
        title={useCase.title}
        description={`${useCase.team.name} · Answer what you know; “I don't know” is always fine. Your draft saves as you go and only your team sees it.`}
        actions={
          <Link href={`/use-cases/${id}`} className={buttonClasses("secondary")}>
            Overview
          </Link>
        }
      />
      <QuestionnaireForm
        key={formKey}
        steps={questionnaire}
        wording={wording}
        useCaseId={id}
        initialDraft={start ? start.answers : draft}
        revision={useCase.revision}
        savedAt={useCase.updatedAt}
        scoredDraft={draft}
        recommendation={<LiveRecommendation draft={draft} prices={useCase.prices} />}
        notice={notice}
      />
      {/* What "Submit for review" does (its aria-describedby), here rather than in the form's JavaScript. */}
      <p id="submit-help" className="sr-only">
        Submitting stores these answers as a new version, scored again by the server, and sends it to the review queue.
      </p>
    </>
  );
}
