/**
 * The "My use cases" filters as URL search parameters (`?q=fraud&team=<id>`). Values the
 * procedure would refuse (text that cannot be stored, a malformed team id) are dropped: a bad
 * link shows the unfiltered list.
 */
import { accept, urlFilters, type Accept, type Params } from "~/lib/url-filters";
import { ID_PATTERN, unstorableTextReason } from "~/lib/plain-text";

/** Text cut to `max` characters, or "" when it cannot be stored. */
const storable = (max: number): Accept => (value) => {
  const cut = value.slice(0, max);
  return unstorableTextReason(cut) === null ? cut : "";
};

export const LIST_FILTERS = urlFilters({
  query: { param: "q", accept: storable(100) },
  teamId: { param: "team", accept: accept.matching(ID_PATTERN) },
});

export interface ListFilters {
  query: string;
  teamId: string;
}

export function readListFilters(params: Params): ListFilters {
  return LIST_FILTERS.read(params);
}

/** The query string for some filters (empty ones left out), with its leading `?` when not empty. */
export function listFiltersSearch(filters: ListFilters): string {
  return LIST_FILTERS.search(filters);
}
