import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { GetForm } from "~/components/ui/get-form";
import { ChoiceField, LabelledField } from "~/components/ui/field";
import { auditFilterParams, hasAuditFilters, type AuditFilterValues } from "../audit-params";

const KEYS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;

function search(values: AuditFilterValues): string {
  const query = new URLSearchParams(auditFilterParams(values)).toString();
  return query ? `?${query}` : "";
}

type Choice = { value: string; label: string };

/** The audit viewer's filters: a GET form whose URL is the state (clean, shareable). `choices`: ../choices with their labels, from the server. */
export function AuditFiltersForm({
  values,
  errors,
  choices,
}: {
  values: AuditFilterValues;
  errors: Partial<Record<keyof AuditFilterValues, string>>;
  choices: { actions: readonly Choice[]; entityTypes: readonly Choice[] };
}) {
  // A value typed into the URL that is not in the list still shows as chosen.
  const withValue = (list: readonly Choice[], value: string) => (value && !list.some((c) => c.value === value) ? [...list, { value, label: value }] : list);
  const actions = withValue(choices.actions, values.action);
  const entityTypes = withValue(choices.entityTypes, values.entityType);

  return (
    <GetForm
      key={search(values)}
      action="/admin/audit"
      order={KEYS}
      aria-labelledby="audit-filters-heading"
      className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="audit-filters-heading" className="text-sm font-semibold text-slate-900">
        Filter the events
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <LabelledField id="audit-filter-actor" label="Actor (name or email)" error={errors.actor}>
          {(field) => <input {...field} name="actor" type="search" maxLength={120} placeholder="e.g. raj@servewise.test" defaultValue={values.actor} />}
        </LabelledField>
        <ChoiceField id="audit-filter-action" label="Action" name="action" value={values.action} anyLabel="Any action" error={errors.action} choices={actions} />
        <ChoiceField
          id="audit-filter-entity-type"
          label="Entity type"
          name="entityType"
          value={values.entityType}
          anyLabel="Any entity"
          error={errors.entityType}
          choices={entityTypes}
        />
        <LabelledField id="audit-filter-entity-id" label="Entity id" error={errors.entityId}>
          {(field) => <input {...field} className={`${field.className} font-mono`} name="entityId" type="text" maxLength={60} spellCheck={false} defaultValue={values.entityId} />}
        </LabelledField>
        <LabelledField id="audit-filter-from" label="From" error={errors.from}>
          {(field) => <input {...field} name="from" type="date" defaultValue={values.from} />}
        </LabelledField>
        <LabelledField id="audit-filter-to" label="To" error={errors.to}>
          {(field) => <input {...field} name="to" type="date" defaultValue={values.to} />}
        </LabelledField>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          Apply filters
        </button>
        {hasAuditFilters(values) ? (
          <Link href="/admin/audit" className={buttonClasses("ghost")}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </GetForm>
  );
}
