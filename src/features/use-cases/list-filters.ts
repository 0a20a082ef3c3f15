/** The "My use cases" filters as URL search parameters (`?q=fraud&team=<id>`). */
export interface ListFilters {
  query: string;
  teamId: string;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function readListFilters(params: Record<string, string | string[] | undefined>): ListFilters {
  return { query: first(params.q).slice(0, 100), teamId: first(params.team).slice(0, 40) };
}

/** The query string for some filters (empty ones left out), with its leading `?` when not empty. */
export function listFiltersSearch(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.query.trim()) params.set("q", filters.query.trim());
  if (filters.teamId) params.set("team", filters.teamId);
  const search = params.toString();
  return search ? `?${search}` : "";
}
