/**
 * The review queue's filters as URL search parameters
 * (`?team=<id>&strategy=batch&criticality=high&maxConfidence=70&minAge=3`).
 * Pure and isomorphic: the page reads them, the form writes them. Values that do not parse
 * are dropped (the page shows the unfiltered queue rather than an error).
 */
import { CRITICALITIES, STRATEGIES } from "~/engine";
import type { ReviewQueueFilter } from "./schema";

/** What the filter form's fields hold: strings, empty for "any". */
export interface QueueFilterValues {
  team: string;
  strategy: string;
  criticality: string;
  /** Percent, 0–100. */
  maxConfidence: string;
  /** Whole days. */
  minAge: string;
}

export const EMPTY_QUEUE_FILTERS: QueueFilterValues = { team: "", strategy: "", criticality: "", maxConfidence: "", minAge: "" };

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function number(text: string, { min, max, integer }: { min: number; max: number; integer: boolean }): number | null {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  if (n < min || n > max || (integer && !Number.isInteger(n))) return null;
  return n;
}

/** The form values and the procedure's filter from a page's search parameters. */
export function readQueueFilters(params: Params): { values: QueueFilterValues; filter: ReviewQueueFilter } {
  const team = first(params.team);
  const strategy = first(params.strategy);
  const criticality = first(params.criticality);
  const maxConfidence = number(first(params.maxConfidence), { min: 0, max: 100, integer: false });
  const minAge = number(first(params.minAge), { min: 0, max: 3650, integer: true });

  const values: QueueFilterValues = {
    team: /^[\w-]{1,40}$/.test(team) ? team : "",
    strategy: (STRATEGIES as readonly string[]).includes(strategy) ? strategy : "",
    criticality: (CRITICALITIES as readonly string[]).includes(criticality) ? criticality : "",
    maxConfidence: maxConfidence === null ? "" : String(maxConfidence),
    minAge: minAge === null ? "" : String(minAge),
  };
  const filter: ReviewQueueFilter = {
    ...(values.team ? { teamId: values.team } : {}),
    ...(values.strategy ? { strategy: values.strategy as NonNullable<ReviewQueueFilter["strategy"]> } : {}),
    ...(values.criticality ? { criticality: values.criticality as NonNullable<ReviewQueueFilter["criticality"]> } : {}),
    ...(maxConfidence !== null ? { maxConfidence: maxConfidence / 100 } : {}),
    ...(minAge !== null && minAge > 0 ? { minAgeDays: minAge } : {}),
  };
  return { values, filter };
}

/** True when any filter narrows the queue. */
export function hasQueueFilters(values: QueueFilterValues): boolean {
  return Object.values(values).some((v) => v !== "");
}

/** The query string of some filter values (empty ones left out), with its `?` when not empty. */
export function queueFiltersSearch(values: QueueFilterValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value.trim()) params.set(key, value.trim());
  const search = params.toString();
  return search ? `?${search}` : "";
}
