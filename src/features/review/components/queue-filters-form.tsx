import Form from "next/form";
import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { ChoiceField, LabelledField } from "~/components/ui/field";
import { StrategyOptions } from "~/features/decisions/components/strategy-options";
import { CRITICALITIES } from "~/engine";
import { criticalityLabel } from "../present";
import { hasQueueFilters, type QueueFilterValues } from "../queue-filters";

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
        <ChoiceField id="filter-team" label="Team" name="team" value={values.team} anyLabel="Any team" choices={teams.map((t) => ({ value: t.id, label: t.name }))} />
        <LabelledField id="filter-strategy" label="Recommended strategy">
          {(field) => (
            <select {...field} name="strategy" defaultValue={values.strategy}>
              <StrategyOptions />
            </select>
          )}
        </LabelledField>
        <ChoiceField
          id="filter-criticality"
          label="Criticality"
          name="criticality"
          value={values.criticality}
          anyLabel="Any criticality"
          choices={CRITICALITIES.map((c) => ({ value: c, label: criticalityLabel(c) }))}
        />
        <LabelledField id="filter-max-confidence" label="Confidence at most (%)">
          {(field) => (
            <input {...field} name="maxConfidence" type="number" inputMode="numeric" min={0} max={100} step={1} placeholder="e.g. 70" defaultValue={values.maxConfidence} />
          )}
        </LabelledField>
        <LabelledField id="filter-min-age" label="Waiting at least (days)">
          {(field) => (
            <input {...field} name="minAge" type="number" inputMode="numeric" min={0} max={3650} step={1} placeholder="e.g. 3" defaultValue={values.minAge} />
          )}
        </LabelledField>
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
