import type { ReactNode } from "react";

export const fieldClass =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";
export const labelClass = "block text-sm font-medium text-slate-800";

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs font-medium text-red-700">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** What a labelled control spreads onto itself: its id, error wiring and the field style. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
}

/**
 * A label, one control and its error message, wired for assistive technology:
 * `<LabelledField id="x" label="Team" error={e}>{(field) => <select {...field} name="teamId" />}</LabelledField>`.
 */
export function LabelledField({
  id,
  label,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  className?: string;
  children: (field: FieldControlProps) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined, className: fieldClass })}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/**
 * A labelled `<select>` of choices with a first "no choice" option (e.g. "Any team"), as the
 * filter forms use it: `<ChoiceField id="f-team" label="Team" name="team" anyLabel="Any team"
 * value={values.team} choices={teams.map((t) => ({ value: t.id, label: t.name }))} />`.
 */
export function ChoiceField({
  id,
  label,
  name,
  value,
  anyLabel,
  choices,
  error,
}: {
  id: string;
  label: ReactNode;
  name: string;
  value: string;
  anyLabel: string;
  choices: readonly { value: string; label: string }[];
  error?: string;
}) {
  return (
    <LabelledField id={id} label={label} error={error}>
      {(field) => (
        <select {...field} name={name} defaultValue={value}>
          <option value="">{anyLabel}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}
