/**
 * The review queue's filters as URL search parameters
 * (`?team=<id>&strategy=batch&criticality=high&maxConfidence=70&minAge=3`).
 * Pure and isomorphic: the page reads them, the form writes them. Values that do not parse
 * are dropped (the page shows the unfiltered queue rather than an error).
 */
import { CRITICALITIES, STRATEGIES } from "~/engine";
import { accept, urlFilters, type FilterValues, type Params } from "~/lib/url-filters";
import type { ReviewQueueFilter } from "./schema";

export const QUEUE_FILTERS = urlFilters({
  team: { accept: accept.matching(/^[\w-]{1,40}$/) },
  strategy: { accept: accept.oneOf(STRATEGIES) },
  criticality: { accept: accept.oneOf(CRITICALITIES) },
  /** Percent, 0–100. */
  maxConfidence: { accept: accept.number({ min: 0, max: 100 }) },
  /** Whole days. */
  minAge: { accept: accept.number({ min: 0, max: 3650, integer: true }) },
});

/** What the filter form's fields hold: strings, empty for "any". */
export type QueueFilterValues = FilterValues<(typeof QUEUE_FILTERS.fields)[number]>;

export const EMPTY_QUEUE_FILTERS: QueueFilterValues = QUEUE_FILTERS.empty;

/** The form values and the procedure's filter from a page's search parameters. */
export function readQueueFilters(params: Params): { values: QueueFilterValues; filter: ReviewQueueFilter } {
  const values = QUEUE_FILTERS.read(params);
  const filter: ReviewQueueFilter = {
    ...(values.team ? { teamId: values.team } : {}),
    ...(values.strategy ? { strategy: values.strategy as NonNullable<ReviewQueueFilter["strategy"]> } : {}),
    ...(values.criticality ? { criticality: values.criticality as NonNullable<ReviewQueueFilter["criticality"]> } : {}),
    ...(values.maxConfidence ? { maxConfidence: Number(values.maxConfidence) / 100 } : {}),
    ...(Number(values.minAge) > 0 ? { minAgeDays: Number(values.minAge) } : {}),
  };
  return { values, filter };
}

/** True when any filter narrows the queue. */
export function hasQueueFilters(values: QueueFilterValues): boolean {
  return QUEUE_FILTERS.has(values);
}

/** The query string of some filter values (empty ones left out), with its `?` when not empty. */
export function queueFiltersSearch(values: QueueFilterValues): string {
  return QUEUE_FILTERS.search(values);
}
