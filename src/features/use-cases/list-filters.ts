/** The "My use cases" filters as URL search parameters (`?q=fraud&team=<id>`). */
import { accept, urlFilters, type Params } from "~/lib/url-filters";

export const LIST_FILTERS = urlFilters({
  query: { param: "q", accept: accept.truncated(100) },
  teamId: { param: "team", accept: accept.truncated(40) },
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
