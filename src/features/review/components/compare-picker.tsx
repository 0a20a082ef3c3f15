import Form from "next/form";
import { buttonClasses } from "~/components/ui/button";
import { statusLabel } from "~/lib/status";

const control =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600";

/** Two version pickers as a GET form: `?from=1&to=2`. */
export function ComparePicker({
  useCaseId,
  versions,
  from,
  to,
}: {
  useCaseId: string;
  versions: readonly { number: number; status: string }[];
  from: number;
  to: number;
}) {
  const ordered = [...versions].sort((a, b) => a.number - b.number);
  const option = (v: { number: number; status: string }) => (
    <option key={v.number} value={v.number}>
      Version {v.number} — {statusLabel(v.status)}
    </option>
  );
  return (
    <Form
      action={`/use-cases/${useCaseId}/compare`}
      aria-label="Choose the versions to compare"
      className="mb-6 flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="min-w-48">
        <label htmlFor="compare-from" className="block text-sm font-medium text-slate-800">
          From version
        </label>
        <select id="compare-from" name="from" defaultValue={String(from)} className={control}>
          {ordered.map(option)}
        </select>
      </div>
      <div className="min-w-48">
        <label htmlFor="compare-to" className="block text-sm font-medium text-slate-800">
          To version
        </label>
        <select id="compare-to" name="to" defaultValue={String(to)} className={control}>
          {ordered.map(option)}
        </select>
      </div>
      <button type="submit" className={buttonClasses("primary")}>
        Compare
      </button>
    </Form>
  );
}
