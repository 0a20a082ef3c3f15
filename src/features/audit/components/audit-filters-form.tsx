"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { buttonClasses } from "~/components/ui/button";
import { FieldError, fieldClass, labelClass } from "~/features/decision-log/components/log-filters-form";
import { auditFilterParams, hasAuditFilters, type AuditFilterValues } from "../audit-params";
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, entityTypeLabel } from "../present";

const KEYS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;

function search(values: AuditFilterValues): string {
  const query = new URLSearchParams(auditFilterParams(values)).toString();
  return query ? `?${query}` : "";
}

/** The audit viewer's filters: a GET form whose URL is the state (clean, shareable). */
export function AuditFiltersForm({ values, errors }: { values: AuditFilterValues; errors: Partial<Record<keyof AuditFilterValues, string>> }) {
  const router = useRouter();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = Object.fromEntries(KEYS.map((k) => [k, String(data.get(k) ?? "").trim()])) as unknown as AuditFilterValues;
    router.push(`/admin/audit${search(next)}`);
  }

  const describe = (key: keyof AuditFilterValues) => (errors[key] ? `audit-filter-${key}-error` : undefined);
  const actions = values.action && !AUDIT_ACTIONS.includes(values.action) ? [...AUDIT_ACTIONS, values.action] : AUDIT_ACTIONS;

  return (
    <form
      key={search(values)}
      action="/admin/audit"
      method="get"
      onSubmit={onSubmit}
      aria-labelledby="audit-filters-heading"
      className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="audit-filters-heading" className="text-sm font-semibold text-slate-900">
        Filter the events
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor="audit-filter-actor" className={labelClass}>
            Actor (name or email)
          </label>
          <input
            id="audit-filter-actor"
            name="actor"
            type="search"
            maxLength={120}
            placeholder="e.g. raj@servewise.test"
            defaultValue={values.actor}
            aria-invalid={errors.actor ? true : undefined}
            aria-describedby={describe("actor")}
            className={fieldClass}
          />
          <FieldError id="audit-filter-actor-error" message={errors.actor} />
        </div>
        <div>
          <label htmlFor="audit-filter-action" className={labelClass}>
            Action
          </label>
          <select
            id="audit-filter-action"
            name="action"
            defaultValue={values.action}
            aria-invalid={errors.action ? true : undefined}
            aria-describedby={describe("action")}
            className={fieldClass}
          >
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
          <FieldError id="audit-filter-action-error" message={errors.action} />
        </div>
        <div>
          <label htmlFor="audit-filter-entity-type" className={labelClass}>
            Entity type
          </label>
          <select
            id="audit-filter-entity-type"
            name="entityType"
            defaultValue={values.entityType}
            aria-invalid={errors.entityType ? true : undefined}
            aria-describedby={describe("entityType")}
            className={fieldClass}
          >
            <option value="">Any entity</option>
            {(values.entityType && !AUDIT_ENTITY_TYPES.includes(values.entityType) ? [...AUDIT_ENTITY_TYPES, values.entityType] : AUDIT_ENTITY_TYPES).map((t) => (
              <option key={t} value={t}>
                {entityTypeLabel(t)}
              </option>
            ))}
          </select>
          <FieldError id="audit-filter-entityType-error" message={errors.entityType} />
        </div>
        <div>
          <label htmlFor="audit-filter-entity-id" className={labelClass}>
            Entity id
          </label>
          <input
            id="audit-filter-entity-id"
            name="entityId"
            type="text"
            maxLength={60}
            spellCheck={false}
            defaultValue={values.entityId}
            aria-invalid={errors.entityId ? true : undefined}
            aria-describedby={describe("entityId")}
            className={`${fieldClass} font-mono`}
          />
          <FieldError id="audit-filter-entityId-error" message={errors.entityId} />
        </div>
        <div>
          <label htmlFor="audit-filter-from" className={labelClass}>
            From
          </label>
          <input
            id="audit-filter-from"
            name="from"
            type="date"
            defaultValue={values.from}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={describe("from")}
            className={fieldClass}
          />
          <FieldError id="audit-filter-from-error" message={errors.from} />
        </div>
        <div>
          <label htmlFor="audit-filter-to" className={labelClass}>
            To
          </label>
          <input
            id="audit-filter-to"
            name="to"
            type="date"
            defaultValue={values.to}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={describe("to")}
            className={fieldClass}
          />
          <FieldError id="audit-filter-to-error" message={errors.to} />
        </div>
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
    </form>
  );
}
