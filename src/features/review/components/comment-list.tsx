import { When } from "~/components/ui/when";
import type { ReviewComment } from "./types";

/** The discussion on one version, oldest first, visible to the team and reviewers (rendered on the server). */
export function CommentList({ comments }: { comments: readonly ReviewComment[] }) {
  return comments.length === 0 ? (
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
  );
}
