import type { ReactNode } from "react";

/** A designed empty state: what this page is for, why it is empty, and what to do next. */
export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section
      aria-labelledby="empty-title"
      className="mx-auto flex max-w-xl flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center"
    >
      <div aria-hidden="true" className="mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-brand-50 text-2xl text-brand-700">
        {icon}
      </div>
      <h2 id="empty-title" className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-2 space-y-2 text-sm text-slate-600">{children}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </section>
  );
}
