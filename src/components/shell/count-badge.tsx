/**
 * A small count pill. The number is visible; `srText` completes it for screen readers
 * ("3" + " decisions waiting for review"). Nothing is shown for zero.
 */
export function CountBadge({ count, srText, tone = "brand" }: { count: number; srText: string; tone?: "brand" | "alert" }) {
  if (count <= 0) return null;
  const colours = tone === "alert" ? "bg-red-600 text-white" : "bg-brand-600 text-white";
  return (
    <span className={`inline-flex min-w-5 items-center justify-center rounded-full px-1.5 text-xs font-semibold leading-5 tabular-nums ${colours}`}>
      {count > 99 ? "99+" : count}
      <span className="sr-only"> {srText}</span>
    </span>
  );
}
