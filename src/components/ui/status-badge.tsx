import { statusLabel, statusTone, type StatusTone } from "~/lib/status";

const TONES: Record<StatusTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-brand-50 text-brand-700 ring-brand-100",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
};

/** A status as a labelled pill: the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[statusTone(status)]}`}>
      {statusLabel(status)}
    </span>
  );
}
