"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClasses } from "~/components/ui/button";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import { readApiError } from "~/trpc/api-errors";
import { firstErrorPerField } from "~/trpc/field-errors";
import type { UseCaseDetails } from "../schema";
import { ConflictAlert } from "./conflict-alert";
import { FormField } from "./form-field";
import { TagsInput } from "./tags-input";

type Mode = { kind: "create"; teams: readonly { id: string; name: string }[] } | { kind: "edit"; id: string; revision: number };

const EMPTY: UseCaseDetails = { title: "", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] };

const inputClass =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

/**
 * Create a use case, or edit its details. The server checks them (the router's zod schema) and
 * its field messages show beside the fields, the first one focused; zod stays off the page.
 */
export function DetailsForm({ mode, initial = EMPTY, cancelHref }: { mode: Mode; initial?: UseCaseDetails; cancelHref: string }) {
  const router = useRouter();
  const create = useProcedure(api.useCase.create);
  const update = useProcedure(api.useCase.updateDetails);
  const [done, setDone] = useState(false);
  const [values, setValues] = useState<UseCaseDetails>(initial);
  const [teamId, setTeamId] = useState(mode.kind === "create" && mode.teams.length === 1 ? mode.teams[0]!.id : "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const pending = create.isPending || update.isPending || done;

  const set = <K extends keyof UseCaseDetails>(key: K, value: UseCaseDetails[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const changeTeam = (id: string) => {
    setTeamId(id);
    setErrors(({ teamId: _cleared, ...rest }) => rest);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setErrors({});
    try {
      if (mode.kind === "create") {
        const { id } = await create.mutateAsync({ ...values, teamId });
        setDone(true);
        router.push(`/use-cases/${id}/edit`);
      } else {
        await update.mutateAsync({ ...values, id: mode.id, expectedRevision: mode.revision });
        setDone(true);
        router.push(`/use-cases/${mode.id}`);
        router.refresh();
      }
    } catch (error) {
      const failure = readApiError(error);
      if (failure.code === "CONFLICT") return setConflict(failure.message);
      const fieldErrors = firstErrorPerField(failure.fieldErrors);
      if (fieldErrors.teamId) fieldErrors.teamId = "Choose the team this use case belongs to.";
      setErrors(fieldErrors);
      const first = Object.keys(fieldErrors)[0];
      if (first) document.getElementById(first)?.focus();
      else setFormError(failure.message);
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-label={mode.kind === "create" ? "New use case" : "Use case details"} className="max-w-2xl space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      {conflict ? <ConflictAlert message={conflict} /> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {mode.kind === "create" ? (
        <FormField
          name="teamId"
          label="Team"
          hint={mode.teams.length > 1 ? "The team that owns this use case; only its members see the draft." : "Only members of your team see the draft."}
          error={errors.teamId}
        >
          {(p) => (
            <select {...p} value={teamId} onChange={(e) => changeTeam(e.target.value)} className={inputClass}>
              {mode.teams.length > 1 ? <option value="">Choose a team</option> : null}
              {mode.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <FormField name="title" label="Title" hint="3 to 120 characters, e.g. “Fraud detection at checkout”." error={errors.title}>
        {(p) => <input {...p} type="text" value={values.title} onChange={(e) => set("title", e.target.value)} className={inputClass} />}
      </FormField>
      <FormField name="description" label="Description" hint={`What the model predicts and for whom. ${values.description.length}/2,000 characters.`} error={errors.description}>
        {(p) => <textarea {...p} rows={4} value={values.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />}
      </FormField>
      <FormField name="owner" label="Owner" hint="The person or group accountable for the model." error={errors.owner}>
        {(p) => <input {...p} type="text" value={values.owner} onChange={(e) => set("owner", e.target.value)} className={inputClass} />}
      </FormField>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField name="modelRepoUrl" label="Model repository link" hint="Optional, https://…" error={errors.modelRepoUrl}>
          {(p) => <input {...p} type="url" value={values.modelRepoUrl} onChange={(e) => set("modelRepoUrl", e.target.value)} className={inputClass} />}
        </FormField>
        <FormField name="dashboardUrl" label="Dashboard link" hint="Optional, https://…" error={errors.dashboardUrl}>
          {(p) => <input {...p} type="url" value={values.dashboardUrl} onChange={(e) => set("dashboardUrl", e.target.value)} className={inputClass} />}
        </FormField>
      </div>
      <FormField name="tags" label="Tags" hint="Up to 10. Press Enter or type a comma to add one." error={errors.tags}>
        {(p) => <TagsInput {...p} tags={values.tags} onChange={(tags) => set("tags", tags)} />}
      </FormField>
      <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-5">
        <Link href={cancelHref} className={buttonClasses("ghost")}>
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {mode.kind === "create" ? (pending ? "Creating…" : "Create and start the questionnaire") : pending ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}
