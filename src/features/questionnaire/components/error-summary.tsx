import type { AnswerField } from "~/engine/answer-constants";
import type { Steps } from "../answers";

// The form loads its two messages, this summary and the conflict, as one chunk when it needs either.
export { ConflictAlert } from "~/features/use-cases/components/conflict-alert";

/** After a failed submit: what to fix, each item jumping to its question. */
export function ErrorSummary({
  steps,
  message,
  details,
  fieldErrors,
  onJump,
}: {
  steps: Steps;
  message: string;
  details: readonly string[];
  fieldErrors: Partial<Record<AnswerField, string>>;
  onJump: (field: AnswerField) => void;
}) {
  const fields = Object.entries(fieldErrors) as [AnswerField, string][];
  const labelOf = (field: AnswerField) => steps.flatMap((step) => step.questions).find((q) => q.field === field)?.label ?? field;
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{message}</p>
      {details.length + fields.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
          {fields.map(([field, error]) => (
            <li key={field}>
              <button type="button" onClick={() => onJump(field)} className="text-left font-medium underline hover:no-underline">
                {labelOf(field)}: {error}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
