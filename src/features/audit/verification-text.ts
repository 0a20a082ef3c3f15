/**
 * A chain verification run in words (the audit page's chain status, in the browser), apart
 * from ./present's event texts, which the server works out.
 */
import type { VerificationRun } from "./queries";

/** A verification run as the page receives it (see queries.ts `VerificationRun`). */
export type VerificationRunView = VerificationRun;

/** Why a chain is broken, in words. */
export const REASONS: Record<string, string> = {
  edited: "an event's content no longer matches its hash (it was edited), or history up to it was re-chained",
  missing: "an event is missing from the sequence",
  reordered: "an event does not link to the one before it (reordered or inserted)",
};

/** "#1,234". */
export function seqText(seq: string): string {
  return /^\d+$/.test(seq) ? `#${BigInt(seq).toLocaleString("en-GB")}` : seq;
}

/** What an incremental check started from, in words. */
export function anchorText(run: Pick<VerificationRunView, "anchor" | "anchorSeq">): string {
  if (run.anchor === "checkpoint") return `the latest signed checkpoint (event ${seqText(run.anchorSeq)})`;
  if (run.anchor === "verification") return `the head verified earlier (event ${seqText(run.anchorSeq)}; no signed checkpoint yet)`;
  return "the first event";
}

/** Whole percent done of a run (0 when there is nothing to do yet, 100 when done). */
export function progressPercent(run: Pick<VerificationRunView, "done" | "total">): number {
  if (run.total <= 0) return 0;
  return Math.min(100, Math.floor((run.done / run.total) * 100));
}

/** "4.2 s", "1 min 3 s": how long a finished run took. */
export function durationText(run: Pick<VerificationRunView, "startedAt" | "finishedAt">): string {
  if (!run.finishedAt) return "—";
  const ms = Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime());
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
