"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FieldError, fieldClass, labelClass } from "~/components/ui/field";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import { slugFromName } from "../prices";

type Field = "name" | "slug" | "description";

/** Creates a team (audited). The slug follows the name until it is edited by hand. */
export function NewTeamForm() {
  const router = useRouter();
  const create = useProcedure(api.admin.createTeam);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      const team = await create.mutateAsync({ name, slug: slug || slugFromName(name), description });
      setMessage({ tone: "success", text: `Team ${team.name} created. Add people to it from the table above.` });
      setName("");
      setSlug("");
      setSlugEdited(false);
      setDescription("");
      router.refresh();
    } catch (e) {
      const failure = readApiError(e);
      const next: Partial<Record<Field, string>> = {};
      for (const field of ["name", "slug", "description"] as const) if (failure.fieldErrors[field]?.[0]) next[field] = failure.fieldErrors[field][0];
      setErrors(next);
      setMessage({ tone: "error", text: failure.message });
    }
  }

  const describe = (field: Field, hint?: string) => [hint, errors[field] ? `team-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="new-team-heading" noValidate className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="new-team-heading" className="font-semibold text-slate-900">
        New team
      </h3>
      <div className="mt-3 space-y-3">
        <div>
          <label htmlFor="team-name" className={labelClass}>
            Name
          </label>
          <input
            id="team-name"
            required
            maxLength={80}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (!slugEdited) setSlug(slugFromName(e.target.value));
            }}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describe("name")}
            className={fieldClass}
          />
          <FieldError id="team-name-error" message={errors.name} />
        </div>
        <div>
          <label htmlFor="team-slug" className={labelClass}>
            Slug
          </label>
          <input
            id="team-slug"
            required
            maxLength={80}
            spellCheck={false}
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
            aria-invalid={errors.slug ? true : undefined}
            aria-describedby={describe("slug", "team-slug-hint")}
            className={`${fieldClass} font-mono`}
          />
          <p id="team-slug-hint" className="mt-1 text-xs text-slate-500">
            Lowercase letters, digits and dashes; used in links and the seed data.
          </p>
          <FieldError id="team-slug-error" message={errors.slug} />
        </div>
        <div>
          <label htmlFor="team-description" className={labelClass}>
            Description <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            id="team-description"
            rows={2}
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describe("description")}
            className={fieldClass}
          />
          <FieldError id="team-description-error" message={errors.description} />
        </div>
      </div>
      <div className="mt-4 flex items-center gap-3">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create team"}
        </Button>
      </div>
      <div aria-live="polite" className="mt-3 empty:hidden">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
    </form>
  );
}
