/**
 * The "My use cases" filters as URL search parameters (`?q=fraud&team=<id>`). Values the
 * procedure would refuse (text that cannot be stored, a malformed team id) are dropped, as in
 * the review queue's filters: a bad link shows the unfiltered list.
 */
import { ID_PATTERN, unstorableTextReason } from "~/lib/validation";

export interface ListFilters {
  query: string;
  teamId: string;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function readListFilters(params: Record<string, string | string[] | undefined>): ListFilters {
  const query = first(params.q).slice(0, 100);
  const teamId = first(params.team);
  return { query: unstorableTextReason(query) === null ? query : "", teamId: ID_PATTERN.test(teamId) ? teamId : "" };
}

/** The query string for some filters (empty ones left out), with its leading `?` when not empty. */
export function listFiltersSearch(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.query.trim()) params.set("q", filters.query.trim());
  if (filters.teamId) params.set("team", filters.teamId);
  const search = params.toString();
  return search ? `?${search}` : "";
}
