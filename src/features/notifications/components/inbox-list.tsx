"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClasses } from "~/components/ui/button";
import { readApiError } from "~/trpc/api-errors";
import { When } from "~/components/ui/when";
import { announceCountsChanged } from "~/components/shell/use-live-count";
import { api } from "~/trpc/call";

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
  /** The kind in words ("Changes requested"), and the next action it offers, if any (../present, on the server). */
  kindLabel: string;
  action: { label: string; href: string } | null;
}

/** The viewer's notifications, newest first: unread ones stand out (in words too), opening one marks it read. */
export function InboxList({ items }: { items: readonly InboxItem[] }) {
  const router = useRouter();
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const [marking, startMarking] = useTransition();
  const markRead = async (ids: string[] | "all") => {
    await api.notification.markRead({ ids });
    announceCountsChanged();
  };

  const isUnread = (item: InboxItem) => item.readAt === null && !readIds.has(item.id);
  const unread = items.filter(isUnread);

  async function markAllRead() {
    setMessage(null);
    try {
      await markRead("all");
      setReadIds(new Set(items.map((i) => i.id)));
      setMessage({ tone: "success", text: "All notifications are marked read." });
      router.refresh();
    } catch (error) {
      setMessage({ tone: "error", text: readApiError(error).message });
    }
    statusRef.current?.focus();
  }

  function open(item: InboxItem) {
    if (!isUnread(item)) return;
    setReadIds((ids) => new Set(ids).add(item.id));
    markRead([item.id]).catch(() => undefined);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="inbox-summary">
          {unread.length === 0 ? "You are all caught up." : `${unread.length} unread of ${items.length}.`}
        </p>
        <Button variant="secondary" onClick={() => startMarking(markAllRead)} disabled={unread.length === 0 || marking}>
          {marking ? "Marking…" : "Mark all read"}
        </Button>
      </div>
      <div ref={statusRef} tabIndex={-1} className="outline-none">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      <ul aria-label="Notifications" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {items.map((item) => {
          const fresh = isUnread(item);
          const action = item.action;
          return (
            <li key={item.id} className={`relative flex gap-3 p-4 ${fresh ? "bg-brand-50/60" : ""}`}>
              <span aria-hidden="true" className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${fresh ? "bg-brand-600" : "bg-transparent"}`} />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  {fresh ? <span className="rounded-full bg-brand-600 px-2 py-0.5 font-semibold text-white">Unread</span> : <span className="sr-only">Read.</span>}
                  <span className="font-medium uppercase tracking-wide">{item.kindLabel}</span>
                  <span aria-hidden="true">·</span>
                  <When date={item.createdAt} />
                </p>
                <Link
                  href={item.link}
                  onClick={() => open(item)}
                  className={`mt-1 block text-sm hover:underline ${fresh ? "font-semibold text-slate-900" : "text-slate-800"} after:absolute after:inset-0`}
                >
                  {item.title}
                </Link>
                {item.body ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{item.body}</p> : null}
                {action ? (
                  <Link
                    href={action.href}
                    onClick={() => open(item)}
                    className={buttonClasses("secondary", "relative z-10 mt-2 px-2.5 py-1 text-xs")}
                    aria-label={`${action.label}: ${item.title}`}
                  >
                    {action.label}
                  </Link>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
