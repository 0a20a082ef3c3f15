"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import { useReviewActions } from "./review-actions";

const control =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

/** Adds to a version's discussion: anyone who sees the version may. */
export function CommentForm({ useCaseId, number }: { useCaseId: string; number: number }) {
  const { announce } = useReviewActions();
  const add = useProcedure(api.review.comment);
  const uid = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setError("Write a comment first.");
      inputRef.current?.focus();
      return;
    }
    setError(null);
    try {
      await add.mutateAsync({ useCaseId, number, body });
      setBody("");
      announce("Comment added.");
      inputRef.current?.focus();
    } catch (e) {
      const api = readApiError(e);
      setError(api.fieldErrors.body?.[0] ?? api.message);
      inputRef.current?.focus();
    }
  }

  return (
      <form noValidate onSubmit={onSubmit} aria-label="New comment" className="space-y-2">
        <label htmlFor={`${uid}-body`} className="block text-sm font-medium text-slate-800">
          Add a comment
        </label>
        <textarea
          id={`${uid}-body`}
          ref={inputRef}
          rows={3}
          maxLength={4000}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${uid}-error` : undefined}
          className={control}
        />
        {error ? (
          <p id={`${uid}-error`} className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {add.isPending ? "Posting…" : "Post comment"}
        </Button>
      </form>
  );
}
