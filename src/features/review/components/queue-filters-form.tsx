import Form from "next/form";
import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { CRITICALITIES, STRATEGIES, STRATEGY_LABELS } from "~/engine";
import { criticalityLabel } from "../present";
import { hasQueueFilters, type QueueFilterValues } from "../queue-filters";

const control =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600";

/**
 * The queue's filters as a plain GET form: the URL carries them (shareable, back button works),
 * it works from the keyboard and even before JavaScript loads; `next/form` keeps it client-side.
 */
export function QueueFiltersForm({ values, teams }: { values: QueueFilterValues; teams: readonly { id: string; name: string }[] }) {
  return (
    <Form action="/review" aria-labelledby="queue-filters-heading" className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="queue-filters-heading" className="text-sm font-semibold text-slate-900">
        Filter the queue
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <label htmlFor="filter-team" className="block text-sm font-medium text-slate-800">
            Team
          </label>
          <select id="filter-team" name="team" defaultValue={values.team} className={control}>
            <option value="">Any team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-strategy" className="block text-sm font-medium text-slate-800">
            Recommended strategy
          </label>
          <select id="filter-strategy" name="strategy" defaultValue={values.strategy} className={control}>
            <option value="">Any strategy</option>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {STRATEGY_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-criticality" className="block text-sm font-medium text-slate-800">
            Criticality
          </label>
          <select id="filter-criticality" name="criticality" defaultValue={values.criticality} className={control}>
            <option value="">Any criticality</option>
            {CRITICALITIES.map((c) => (
              <option key={c} value={c}>
                {criticalityLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-max-confidence" className="block text-sm font-medium text-slate-800">
            Confidence at most (%)
          </label>
          <input
            id="filter-max-confidence"
            name="maxConfidence"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            placeholder="e.g. 70"
            defaultValue={values.maxConfidence}
            className={control}
          />
        </div>
        <div>
          <label htmlFor="filter-min-age" className="block text-sm font-medium text-slate-800">
            Waiting at least (days)
          </label>
          <input
            id="filter-min-age"
            name="minAge"
            type="number"
            inputMode="numeric"
            min={0}
            max={3650}
            step={1}
            placeholder="e.g. 3"
            defaultValue={values.minAge}
            className={control}
          />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          Apply filters
        </button>
        {hasQueueFilters(values) ? (
          <Link href="/review" className={buttonClasses("ghost")}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
