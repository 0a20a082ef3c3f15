"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useMemo, useRef, useState, useTransition, type ComponentProps, type ComponentType, type FormEvent, type ReactNode } from "react";
import { Button } from "~/components/ui/button";
import type { AnswerField } from "~/engine/answer-constants";
import type { DraftAnswers } from "~/engine/answers";
import { parseQuestionQuantity } from "~/engine/quantity";
import type { Question } from "~/engine/questionnaire";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import {
  completeAnswers,
  draftErrors,
  fieldsOf,
  firstFieldWithError,
  isAnswered,
  numberInputText,
  numericFieldsOf,
  savableDraft,
  scoredAlike,
  splitServerErrors,
  stepIndexOf,
  withAnswer,
  type AnswerValue,
  type Steps,
} from "../answers";
import { hasUnsavedInput, liveStatusText, shownSaveState } from "../save-status";
import { LiveProvider } from "./live-panel";
import { QuestionField } from "./question-field";
import type { QuestionTexts } from "./question-texts";
import { SaveBar } from "./save-bar";
import { StepNav } from "./step-nav";
import type { ErrorSummary as Summary } from "./error-summary";
import type { LeaveDialog as Dialog } from "./leave-dialog";
import { useDraftSaver } from "./use-draft-saver";
import { useLeaveGuard } from "./use-leave-guard";

// What only some visits need loads when needed, not with the page (issue 13's 150 kB): the
// conflict and error messages once the server has answered so, and the leave dialog from the
// first change on, so it is there before anyone can leave with unsaved input. The two messages
// come in one chunk (./error-summary). The guard itself (use-leave-guard) is part of the page:
// it must hold a link from the first keystroke, before any chunk could arrive. A chunk that
// cannot load (offline) must not take the page down: each falls back to a plain version.
const ConflictAlert = lazy<ComponentType<{ message: string }>>(() => import("./error-summary").then((m) => ({ default: m.ConflictAlert }), () => ({ default: PlainAlert })));
const ErrorSummary = lazy<ComponentType<ComponentProps<typeof Summary>>>(() => import("./error-summary").then((m) => ({ default: m.ErrorSummary }), () => ({ default: PlainAlert })));
const LeaveDialog = lazy<ComponentType<ComponentProps<typeof Dialog>>>(() => import("./leave-dialog").then((m) => ({ default: m.LeaveDialog }), () => ({ default: ConfirmLeave })));

function PlainAlert({ message }: { message: string }) {
  return (
    <p role="alert" className="text-sm font-semibold text-red-700">
      {message}
    </p>
  );
}

function ConfirmLeave({ open, onStay, onLeave }: ComponentProps<typeof Dialog>) {
  useEffect(() => {
    if (open) (window.confirm("Leave without saving your latest answers?") ? onLeave : onStay)();
  }, [open, onStay, onLeave]);
  return null;
}

type Errors = Partial<Record<AnswerField, string>>;
/** What the submission sends: every answer, unknowns as null. The server checks it (a missing consumer, ranges, rules across fields). */
type SubmittedAnswers = Parameters<typeof api.useCase.submit>[0]["answers"];

const initialTexts = (steps: Steps, draft: DraftAnswers) => Object.fromEntries(numericFieldsOf(steps).map((f) => [f, numberInputText(draft[f])])) as Record<string, string>;

function focusQuestion(field: AnswerField) {
  const checked = document.querySelector<HTMLInputElement>(`input[name="${field}"]:checked`);
  (checked ?? document.getElementById(`q-${field}`) ?? document.getElementById(`q-${field}-0`))?.focus();
}

/**
 * The questionnaire of one use case: steps, draft saving and submission, beside the live
 * recommendation. That one is scored and drawn on the server from the saved draft
 * (`recommendation`, for `scoredDraft`): after each autosave the form asks the server for the
 * page again (`router.refresh()`), keeping its own state, and tells the panel when it lags behind.
 */
export function QuestionnaireForm({
  steps,
  wording,
  useCaseId,
  initialDraft,
  revision,
  savedAt,
  scoredDraft,
  recommendation,
  notice,
}: {
  /** The engine's questionnaire, from the server (its text is no part of the page's JavaScript). */
  steps: Steps;
  /** Each question's words (label, help, example, options), rendered on the server (./question-intro). */
  wording: Record<AnswerField, QuestionTexts>;
  useCaseId: string;
  initialDraft: DraftAnswers;
  revision: number;
  savedAt: Date;
  /** The saved draft the live recommendation was scored from (new with each refresh). */
  scoredDraft: DraftAnswers;
  /** The live recommendation, rendered on the server. */
  recommendation: ReactNode;
  /** Shown above the form as it was when the page opened, through the refreshes after each autosave (a new `key` shows a new one). */
  notice?: ReactNode;
}) {
  const [openingNotice] = useState(notice);
  const fields = useMemo(() => fieldsOf(steps), [steps]);
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const saver = useDraftSaver(
    useCaseId,
    { revision, savedAt },
    {
      onSaved: () => startRefresh(() => router.refresh()),
      onRefused: (fieldErrors) => setServerErrors((current) => ({ ...current, ...splitServerErrors(fieldErrors, fields).answers })),
    },
  );
  const [draft, setDraft] = useState<DraftAnswers>(initialDraft);
  const [texts, setTexts] = useState(() => initialTexts(steps, initialDraft));
  const [textErrors, setTextErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [step, setStep] = useState(0);
  const [edited, setEdited] = useState(false);
  const focusAfterRender = useRef<AnswerField | "step" | null>(null);
  const submitKey = useRef<string | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const liveErrors = useMemo(() => draftErrors(draft), [draft]);
  const errors: Errors = { ...serverErrors, ...liveErrors, ...textErrors };
  // Answers on screen that the saved draft does not hold: unreadable text, or values out of range (savableDraft drops them).
  const unsavable = new Set([...Object.keys(textErrors), ...Object.keys(liveErrors)]).size;
  const saveState = shownSaveState(saver.state, unsavable);
  const liveStatus = liveStatusText(saver.state, { refreshing, scoredAlike: scoredAlike(savableDraft(draft), scoredDraft), unsavable });
  const leave = useLeaveGuard({ unsaved: hasUnsavedInput(saver.state), unsavable: saveState.kind === "invalid" ? unsavable : 0, flush: saver.flushBeforeLeaving });
  // The leave dialog is mounted (and its code loaded) from the first change on.
  const changed = edited || hasUnsavedInput(saver.state) || leave.asking !== null;

  // After a step change, focus moves to the new step's heading or to the question asked for.
  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    focusAfterRender.current = null;
    if (target === "step") stepHeading.current?.focus();
    else focusQuestion(target);
  });

  function update(field: AnswerField, value: AnswerValue | undefined) {
    const next = withAnswer(draft, field, value);
    setDraft(next);
    setEdited(true);
    setServerErrors(({ [field]: _cleared, ...rest }) => rest);
    submitKey.current = null; // changed answers are a new submit intent
    saver.schedule(next);
  }

  function changeText(question: Question, text: string) {
    const field = question.field;
    setTexts((t) => ({ ...t, [field]: text }));
    const parsed = text.trim() ? parseQuestionQuantity(question, text) : null;
    setTextErrors(({ [field]: _old, ...rest }) => (parsed && !parsed.ok ? { ...rest, [field]: parsed.message } : rest));
    update(field, parsed?.ok ? parsed.value : undefined);
  }

  function changeAnswer(question: Question, value: AnswerValue | undefined) {
    if (question.kind === "number" || question.kind === "integer") {
      setTexts((t) => ({ ...t, [question.field]: "" }));
      setTextErrors(({ [question.field]: _old, ...rest }) => rest);
    }
    update(question.field, value);
  }

  function goTo(index: number) {
    if (index === step) return;
    setStep(index);
    focusAfterRender.current = "step";
    if (saver.state.kind === "dirty") void saver.saveNow(draft);
  }

  function jumpTo(field: AnswerField) {
    const index = stepIndexOf(steps, field);
    if (index === step) return focusQuestion(field);
    setStep(index);
    focusAfterRender.current = field;
  }

  async function submit() {
    setSubmitAttempted(true);
    setFormError(null);
    // What only this page knows stops the submission here: text that is not a number, and a
    // peak below the average. Everything else is the server's to check (a missing consumer, ...).
    const first = firstFieldWithError(steps, { ...liveErrors, ...textErrors });
    if (first) {
      setFormError({ message: "Some answers need attention before you submit.", details: [] });
      jumpTo(first);
      return;
    }
    setSubmitting(true);
    const { revision: expectedRevision, dropped } = await saver.settle();
    try {
      // Its code loads on submit, not with the page.
      submitKey.current ??= (await import("~/lib/idempotency")).newIdempotencyKey();
      const answers = completeAnswers(draft, fields) as SubmittedAnswers;
      const { versionNumber } = await api.useCase.submit({ id: useCaseId, expectedRevision, idempotencyKey: submitKey.current, answers });
      saver.markSaved(new Date());
      router.push(`/use-cases/${useCaseId}/versions/${versionNumber}`);
    } catch (error) {
      setSubmitting(false);
      const api = readApiError(error);
      if (api.code === "CONFLICT") return saver.conflict(api.message);
      // The submission did not store the answers: the draft saves as before.
      if (dropped) saver.schedule(draft);
      const split = splitServerErrors(api.fieldErrors, fields);
      setServerErrors(split.answers);
      setFormError({ message: api.message, details: split.other });
      const firstServer = firstFieldWithError(steps, split.answers);
      if (firstServer) jumpTo(firstServer);
    }
  }

  function onFormSubmit(event: FormEvent) {
    event.preventDefault(); // Enter in a text box moves on instead of submitting for review.
    if (step < steps.length - 1) goTo(step + 1);
  }

  const current = steps[step]!;
  const unanswered = fields.filter((f) => !isAnswered(draft, f)).length;
  const visibleErrors: Errors = submitAttempted ? errors : { ...serverErrors, ...liveErrors };

  return (
    <>
    {openingNotice}
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_26rem]">
      <div className="min-w-0 space-y-4">
        <Suspense fallback={null}>
          {saver.conflictMessage ? <ConflictAlert message={saver.conflictMessage} /> : null}
          {formError ? (
            <ErrorSummary steps={steps} message={formError.message} details={formError.details} fieldErrors={submitAttempted ? errors : serverErrors} onJump={jumpTo} />
          ) : null}
        </Suspense>
        <StepNav steps={steps} current={step} draft={draft} errors={visibleErrors} onSelect={goTo} />
        <form noValidate onSubmit={onFormSubmit} aria-label="Questionnaire" className="space-y-4">
          <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
            <fieldset>
              <legend>
                <h2 ref={stepHeading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
                  <span className="block text-xs font-semibold uppercase tracking-wide text-brand-600">
                    Step {step + 1} of {steps.length}
                  </span>
                  {current.title}
                </h2>
              </legend>
              <p className="mt-1 text-sm text-slate-600">{current.description}</p>
              <div className="mt-6 space-y-8">
                {current.questions.map((question) => (
                  <QuestionField
                    key={question.field}
                    question={question}
                    texts={wording[question.field]}
                    value={draft[question.field]}
                    text={texts[question.field] ?? ""}
                    error={errors[question.field]}
                    showErrors={submitAttempted}
                    onChange={(value) => changeAnswer(question, value)}
                    onTextChange={(text) => changeText(question, text)}
                  />
                ))}
              </div>
            </fieldset>
          </div>
          <div className="flex justify-between gap-3">
            <Button variant="secondary" onClick={() => goTo(step - 1)} disabled={step === 0}>
              <span aria-hidden="true">←</span> Previous
            </Button>
            {step < steps.length - 1 ? (
              <Button type="submit">
                Next: {steps[step + 1]!.title} <span aria-hidden="true">→</span>
              </Button>
            ) : null}
          </div>
        </form>
        <SaveBar state={saveState} unanswered={unanswered} submitting={submitting} onSave={() => void saver.saveNow(draft)} onSubmit={() => void submit()} />
      </div>
      <LiveProvider value={{ status: liveStatus, goToQuestion: jumpTo }}>{recommendation}</LiveProvider>
      {changed ? (
        <Suspense fallback={null}>
          <LeaveDialog
            open={leave.asking !== null}
            unsavable={saveState.kind === "invalid" ? unsavable : 0}
            saveFailed={leave.asking?.saveFailed ?? false}
            onStay={() => {
              leave.stay();
              const first = firstFieldWithError(steps, { ...liveErrors, ...textErrors });
              if (first) jumpTo(first);
            }}
            onLeave={leave.leave}
          />
        </Suspense>
      ) : null}
    </div>
    </>
  );
}
