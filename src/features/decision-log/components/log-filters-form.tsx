import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { GetForm } from "~/components/ui/get-form";
import { ChoiceField, LabelledField } from "~/components/ui/field";
import { ENGINE_VERSION } from "~/engine/version";
import { StrategyOptions } from "~/features/decisions/components/strategy-options";
import { DECISION_STATUSES } from "~/features/decisions/workflow";
import { statusLabel } from "~/lib/status";
import { DEFAULT_SORT, EMPTY_LOG_FILTERS, hasLogFilters, LOG_FILTERS, logSearch, type LogFilterValues, type SortDir } from "../log-filters";
import type { DecisionLogSort } from "../schema";

/** The URL's parameter order: the filters as the page writes them, then the sort. */
const ORDER = [...LOG_FILTERS.fields, "sort", "dir"];

/**
 * The decision log's filters. A GET form (it works before JavaScript loads and from the
 * keyboard); with JavaScript it navigates to a clean URL (no empty parameters) that keeps the
 * current sort. The URL is the state: shareable, and the back button works. Rendered on the
 * server; only the form's submit is in the browser (GetForm).
 */
export function LogFiltersForm({
  values,
  errors,
  teams,
  sort,
  dir,
}: {
  values: LogFilterValues;
  errors: Partial<Record<keyof LogFilterValues, string>>;
  teams: readonly { id: string; name: string }[];
  sort: DecisionLogSort;
  dir: SortDir;
}) {
  // Remount the fields when the URL changes, so they show what the page shows (back button).
  const formKey = logSearch(values, { sort, dir });

  return (
    <GetForm
      key={formKey}
      action="/decision-log"
      order={ORDER}
      aria-labelledby="log-filters-heading"
      className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="log-filters-heading" className="text-sm font-semibold text-slate-900">
        Filter the log
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <LabelledField id="log-filter-q" label="Search title or tag" error={errors.q} className="sm:col-span-2">
          {(field) => <input {...field} name="q" type="search" maxLength={100} placeholder="e.g. fraud" defaultValue={values.q} />}
        </LabelledField>
        <ChoiceField
          id="log-filter-team"
          label="Team"
          name="teamId"
          value={values.teamId}
          anyLabel={teams.length === 1 ? "My team" : "Any team"}
          choices={teams.map((t) => ({ value: t.id, label: t.name }))}
        />
        <ChoiceField id="log-filter-status" label="Status" name="status" value={values.status} anyLabel="Any status" choices={DECISION_STATUSES.map((st) => ({ value: st, label: statusLabel(st) }))} />
        <LabelledField id="log-filter-strategy" label="Strategy (recommended or approved)">
          {(field) => (
            <select {...field} name="strategy" defaultValue={values.strategy}>
              <StrategyOptions />
            </select>
          )}
        </LabelledField>
        <LabelledField id="log-filter-override" label="Override">
          {(field) => (
            <select {...field} name="override" defaultValue={values.override}>
              <option value="">Overrides or not</option>
              <option value="yes">Only overrides</option>
              <option value="no">No overrides</option>
            </select>
          )}
        </LabelledField>
        <LabelledField id="log-filter-changed" label={`Under the current engine (${ENGINE_VERSION})`}>
          {(field) => (
            <select {...field} name="changed" defaultValue={values.changed}>
              <option value="">Changed or not</option>
              <option value="yes">Would change the recommendation</option>
              <option value="no">Would keep the recommendation</option>
            </select>
          )}
        </LabelledField>
        <LabelledField id="log-filter-from" label="Submitted from" error={errors.from}>
          {(field) => <input {...field} name="from" type="date" defaultValue={values.from} />}
        </LabelledField>
        <LabelledField id="log-filter-to" label="Submitted to" error={errors.to}>
          {(field) => <input {...field} name="to" type="date" defaultValue={values.to} />}
        </LabelledField>
      </div>
      {sort !== DEFAULT_SORT.sort || dir !== DEFAULT_SORT.dir ? (
        <>
          <input type="hidden" name="sort" value={sort} />
          <input type="hidden" name="dir" value={dir} />
        </>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          Apply filters
        </button>
        {hasLogFilters(values) ? (
          <Link href={`/decision-log${logSearch(EMPTY_LOG_FILTERS, { sort, dir })}`} className={buttonClasses("ghost")}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </GetForm>
  );
}
