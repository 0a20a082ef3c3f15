"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { buttonClasses } from "~/components/ui/button";
import { STRATEGIES, STRATEGY_LABELS } from "~/engine";
import { DECISION_STATUSES } from "~/features/review/workflow";
import { statusLabel } from "~/features/use-cases/status";
import { DEFAULT_SORT, EMPTY_LOG_FILTERS, hasLogFilters, logSearch, type LogFilterValues, type SortDir } from "../log-filters";
import type { DecisionLogSort } from "../schema";

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

const KEYS = ["teamId", "status", "strategy", "override", "from", "to", "q"] as const;

/**
 * The decision log's filters. A GET form (it works before JavaScript loads and from the
 * keyboard); with JavaScript it navigates to a clean URL (no empty parameters) that keeps the
 * current sort. The URL is the state: shareable, and the back button works.
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
  const router = useRouter();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = Object.fromEntries(KEYS.map((k) => [k, String(data.get(k) ?? "")])) as unknown as LogFilterValues;
    router.push(`/decision-log${logSearch(next, { sort, dir })}`);
  }

  const describe = (key: keyof LogFilterValues) => (errors[key] ? `log-filter-${key}-error` : undefined);
  // Remount the fields when the URL changes, so they show what the page shows (back button).
  const formKey = logSearch(values, { sort, dir });

  return (
    <form
      key={formKey}
      action="/decision-log"
      method="get"
      onSubmit={onSubmit}
      aria-labelledby="log-filters-heading"
      className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="log-filters-heading" className="text-sm font-semibold text-slate-900">
        Filter the log
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="log-filter-q" className={labelClass}>
            Search title or tag
          </label>
          <input
            id="log-filter-q"
            name="q"
            type="search"
            maxLength={100}
            placeholder="e.g. fraud"
            defaultValue={values.q}
            aria-invalid={errors.q ? true : undefined}
            aria-describedby={describe("q")}
            className={fieldClass}
          />
          <FieldError id="log-filter-q-error" message={errors.q} />
        </div>
        <div>
          <label htmlFor="log-filter-team" className={labelClass}>
            Team
          </label>
          <select id="log-filter-team" name="teamId" defaultValue={values.teamId} className={fieldClass}>
            <option value="">{teams.length === 1 ? "My team" : "Any team"}</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-filter-status" className={labelClass}>
            Status
          </label>
          <select id="log-filter-status" name="status" defaultValue={values.status} className={fieldClass}>
            <option value="">Any status</option>
            {DECISION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-filter-strategy" className={labelClass}>
            Strategy (recommended or approved)
          </label>
          <select id="log-filter-strategy" name="strategy" defaultValue={values.strategy} className={fieldClass}>
            <option value="">Any strategy</option>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {STRATEGY_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-filter-override" className={labelClass}>
            Override
          </label>
          <select id="log-filter-override" name="override" defaultValue={values.override} className={fieldClass}>
            <option value="">Overrides or not</option>
            <option value="yes">Only overrides</option>
            <option value="no">No overrides</option>
          </select>
        </div>
        <div>
          <label htmlFor="log-filter-from" className={labelClass}>
            Submitted from
          </label>
          <input
            id="log-filter-from"
            name="from"
            type="date"
            defaultValue={values.from}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={describe("from")}
            className={fieldClass}
          />
          <FieldError id="log-filter-from-error" message={errors.from} />
        </div>
        <div>
          <label htmlFor="log-filter-to" className={labelClass}>
            Submitted to
          </label>
          <input
            id="log-filter-to"
            name="to"
            type="date"
            defaultValue={values.to}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={describe("to")}
            className={fieldClass}
          />
          <FieldError id="log-filter-to-error" message={errors.to} />
        </div>
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
    </form>
  );
}
