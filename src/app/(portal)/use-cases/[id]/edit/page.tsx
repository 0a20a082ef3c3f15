import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { draftAnswersSchema } from "~/engine";
import { QuestionnaireForm } from "~/features/questionnaire/components/questionnaire-form";
import { orNotFound } from "~/trpc/load";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Questionnaire" };

export default async function EditAnswersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const useCase = await orNotFound((await getServerCaller()).useCase.get({ id }));
  if (!useCase.canEdit) redirect(`/use-cases/${id}`);
  const draft = draftAnswersSchema.safeParse(useCase.draftAnswers ?? {});
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
      <QuestionnaireForm useCaseId={id} initialDraft={draft.success ? draft.data : {}} revision={useCase.revision} savedAt={useCase.updatedAt} prices={useCase.prices} />
    </>
  );
}
