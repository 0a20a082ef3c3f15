"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { listFiltersSearch, type ListFilters } from "../list-filters";

const DEBOUNCE_MS = 300;

/** Search by title or tag (debounced) and, for people in several teams, a team filter — both kept in the URL. */
export function ListFiltersBar({ initial, teams }: { initial: ListFilters; teams: readonly { id: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(initial.query);
  const [teamId, setTeamId] = useState(initial.teamId);
  const applied = useRef(listFiltersSearch(initial));

  useEffect(() => {
    const search = listFiltersSearch({ query, teamId });
    if (search === applied.current) return;
    const timer = setTimeout(() => {
      applied.current = search;
      startTransition(() => router.replace(`/use-cases${search}`, { scroll: false }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, teamId, router]);

  return (
    <div role="search" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="use-case-search" className="block text-sm font-medium text-slate-800">
          Search by title or tag
        </label>
        <input
          id="use-case-search"
          type="search"
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="e.g. fraud or checkout"
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600"
        />
      </div>
      {teams.length > 1 ? (
        <div>
          <label htmlFor="use-case-team" className="block text-sm font-medium text-slate-800">
            Team
          </label>
          <select
            id="use-case-team"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
            className="mt-1 block w-full rounded-md border-0 py-2 pl-3 pr-8 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600"
          >
            <option value="">All my teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p role="status" className="min-w-24 text-sm text-slate-500 sm:pb-2">
        {pending ? "Searching…" : ""}
      </p>
    </div>
  );
}
