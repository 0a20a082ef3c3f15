/** The error of a question, with the id its control points to. */
export function QuestionError({ field, message }: { field: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`q-${field}-error`} className="mt-1 text-sm font-medium text-red-700">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** The ids of the help and (when shown) the error, for aria-describedby. */
export function describedBy(field: string, error: string | undefined, ...more: string[]): string {
  return [`q-${field}-help`, ...more, error ? `q-${field}-error` : null].filter(Boolean).join(" ");
}
