import type { Figure } from "../present";

export function FigureList({ figures }: { figures: readonly Figure[] }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
      {figures.map((f) => (
        <div key={f.label}>
          <dt className="text-xs text-slate-500">{f.label}</dt>
          <dd className="font-semibold tabular-nums text-slate-900">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
