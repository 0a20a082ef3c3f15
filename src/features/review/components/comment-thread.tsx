"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { readApiError } from "~/trpc/api-errors";
import { When } from "~/components/ui/when";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import type { AnnounceFn, ReviewComment } from "./types";

const control =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

/** The discussion on one version, oldest first, visible to the team and reviewers; anyone who sees it may add to it. */
export function CommentThread({
  comments,
  useCaseId,
  number,
  onAdded,
}: {
  comments: readonly ReviewComment[];
  useCaseId: string;
  number: number;
  onAdded: AnnounceFn;
}) {
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
      onAdded("Comment added.");
      inputRef.current?.focus();
    } catch (e) {
      const api = readApiError(e);
      setError(api.fieldErrors.body?.[0] ?? api.message);
      inputRef.current?.focus();
    }
  }

  return (
    <div className="space-y-4">
      {comments.length === 0 ? (
        <p className="text-sm text-slate-600">No comments yet. Ask a question or explain a decision: the team and reviewers see it.</p>
      ) : (
        <ol aria-label="Comments" className="space-y-3">
          {comments.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 p-3">
              <p className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-slate-500">
                <span className="text-sm font-semibold text-slate-900">{c.author.name}</span>
                <When date={c.createdAt} />
              </p>
              <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
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
    </div>
  );
}
