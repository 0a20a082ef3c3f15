import { getQuestion, type AnswerField, type AssessmentWarning } from "~/engine";
import { WARNING_KIND_LABELS } from "../present";

/** Contradictions, notices and the unknown answers that matter, labelled in words. */
export function WarningsList({ warnings, unknownFields }: { warnings: readonly AssessmentWarning[]; unknownFields: readonly AnswerField[] }) {
  return (
    <div className="space-y-3 text-sm">
      {warnings.length === 0 ? (
        <p className="text-slate-600">No contradictions, and no unknown answer would change the recommendation.</p>
      ) : (
        <ul className="space-y-2">
          {warnings.map((w) => (
            <li key={`${w.code}-${w.fields.join()}`} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950">
              <span className="font-semibold">{WARNING_KIND_LABELS[w.kind]}: </span>
              {w.message}
            </li>
          ))}
        </ul>
      )}
      {unknownFields.length > 0 ? (
        <p className="text-slate-600">
          <span className="font-medium text-slate-800">Unknown answers: </span>
          {unknownFields.map((f) => getQuestion(f)?.label ?? f).join("; ")}.
        </p>
      ) : null}
    </div>
  );
}
