import { unstable_rethrow } from "next/navigation";
import { Suspense } from "react";
import { getServerCaller } from "~/trpc/server";
import { describeTimelineEvent, formatEventTime, timelineQuote } from "../present";

const MARKERS: Record<string, string> = {
  USE_CASE_CREATED: "＋",
  USE_CASE_DETAILS_CHANGED: "✎",
  DECISION_SUBMITTED: "↑",
  DECISION_APPROVED: "✓",
  DECISION_REJECTED: "✗",
  DECISION_CHANGES_REQUESTED: "↺",
  DECISION_WITHDRAWN: "↩",
  DECISION_SUPERSEDED: "⇢",
  COMMENT_ADDED: "❝",
};

/**
 * A use case's history in words, oldest first, from the audit trail: who created it, who
 * submitted, approved (with any override), commented or withdrew which version, and when.
 * Everyone who may see the use case may see its timeline. A server component: the page streams
 * in without it and the events follow (no JavaScript in the browser for it).
 */
export function DecisionTimeline({ useCaseId, headingLevel = 2 }: { useCaseId: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `timeline-${useCaseId}`;

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <Heading id={headingId} className="text-base font-semibold text-slate-900">
        Timeline
      </Heading>
      <p className="mt-1 text-xs text-slate-500">From the audit trail · times in UTC</p>
      <Suspense
        fallback={
          <p role="status" className="mt-4 text-sm text-slate-600">
            Loading the timeline…
          </p>
        }
      >
        <TimelineEvents useCaseId={useCaseId} />
      </Suspense>
    </section>
  );
}

async function TimelineEvents({ useCaseId }: { useCaseId: string }) {
  let events;
  try {
    events = await (await getServerCaller()).audit.timeline({ id: useCaseId });
  } catch (error) {
    unstable_rethrow(error);
    return (
      <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        The timeline could not be loaded: {error instanceof Error ? error.message : "please try again."}
      </p>
    );
  }
  const now = new Date();
  return (
    <>
      {events.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">Nothing has been recorded for this use case yet.</p>
      ) : (
        <ol className="mt-4 space-y-0" aria-label="Events, oldest first">
          {events.map((event, index) => {
            const occurredAt = new Date(event.occurredAt);
            const quote = timelineQuote(event);
            const last = index === events.length - 1;
            return (
              <li key={event.seq} className="relative flex gap-3 pb-4">
                {!last ? <span aria-hidden="true" className="absolute left-3 top-7 -bottom-0 w-px bg-slate-200" /> : null}
                <span
                  aria-hidden="true"
                  className="relative flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs text-slate-700 ring-1 ring-slate-200"
                >
                  {MARKERS[event.action] ?? "•"}
                </span>
                <div className="min-w-0 text-sm">
                  <p className="text-slate-900">
                    {describeTimelineEvent(event)}
                    <span className="text-slate-500">
                      {" · "}
                      <time dateTime={occurredAt.toISOString()}>{formatEventTime(occurredAt, now)}</time>
                    </span>
                  </p>
                  {quote ? <blockquote className="mt-1 border-l-2 border-slate-200 pl-3 text-slate-600">{quote}</blockquote> : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
