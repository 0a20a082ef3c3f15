"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { readApiError } from "~/trpc/api-errors";
import { ROLE_LABELS, ROLES, type Role } from "~/lib/roles";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import { ScrollRegion } from "~/components/ui/scroll-region";

/** One person as `admin.listUsers` answers it (inferred from the router, never redeclared). */
export type PersonRow = inferRouterOutputs<AppRouter>["admin"]["listUsers"][number];

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "UTC" });
const control =
  "block w-full min-w-32 rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-50 disabled:text-slate-500";

/** A cell's column name, shown above its value on a phone (where the header row is hidden). */
const CELL_LABEL = "mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500 md:hidden";

type Notice = { tone: "success" | "error"; text: string } | null;

/** The teams of one person, edited in a modal dialog (native `<dialog>`: focus stays inside, Esc closes). */
function TeamsDialog({
  person,
  teams,
  onSaved,
  onError,
}: {
  person: PersonRow;
  teams: readonly { id: string; name: string }[];
  onSaved: (text: string) => void;
  onError: (text: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const setTeams = useProcedure(api.admin.setTeams);

  function open() {
    setSelected(person.memberships.map((m) => m.team.id));
    setError(null);
    dialog.current?.showModal();
  }

  async function save() {
    try {
      await setTeams.mutateAsync({ userId: person.id, teamIds: selected });
      dialog.current?.close();
      const names = teams.filter((t) => selected.includes(t.id)).map((t) => t.name);
      onSaved(names.length ? `${person.name} is now in ${names.join(", ")}.` : `${person.name} is no longer in any team.`);
    } catch (e) {
      const failure = readApiError(e);
      const message = failure.fieldErrors.teamIds?.[0] ?? failure.message;
      setError(message);
      onError(`The teams of ${person.name} were not changed: ${message}`);
    }
  }

  return (
    <>
      <Button variant="ghost" className="mt-1 px-2 py-1 text-xs text-brand-700" onClick={open}>
        Edit teams<span className="sr-only"> of {person.name}</span>
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          className="p-5"
        >
          <h3 id={headingId} className="text-lg font-semibold text-slate-900">
            Teams of {person.name}
          </h3>
          <p className="mt-1 text-sm text-slate-600">Members see and describe their teams&apos; use cases and decisions.</p>
          <fieldset className="mt-4">
            <legend className="sr-only">Teams</legend>
            <ul className="max-h-72 space-y-2 overflow-auto">
              {teams.map((t) => (
                <li key={t.id}>
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      className="h-4 w-4 rounded border-slate-300 accent-brand-600"
                      checked={selected.includes(t.id)}
                      onChange={(e) => setSelected((s) => (e.target.checked ? [...s, t.id] : s.filter((id) => id !== t.id)))}
                    />
                    {t.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {error ? (
            <div className="mt-3">
              <Alert tone="error">{error}</Alert>
            </div>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={setTeams.isPending}>
              {setTeams.isPending ? "Saving…" : "Save teams"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/**
 * People, with their role, teams and whether they may sign in, each editable in place. Every
 * change is one audited server command; the server refuses an admin demoting or deactivating
 * themselves, and the controls say so before anyone tries.
 */
export function PeopleTable({ people, teams, currentUserId }: { people: readonly PersonRow[]; teams: readonly { id: string; name: string }[]; currentUserId: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  // The role chosen last, shown until the refreshed page agrees (dropped again on an error).
  const [chosenRole, setChosenRole] = useState<Record<string, Role>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const setRole = useProcedure(api.admin.setRole);
  const setActive = useProcedure(api.admin.setActive);
  const unlock = useProcedure(api.admin.unlockAccount);

  async function changeRole(person: PersonRow, role: Role) {
    setChosenRole((p) => ({ ...p, [person.id]: role }));
    setBusyId(person.id);
    try {
      await setRole.mutateAsync({ userId: person.id, role });
      setNotice({ tone: "success", text: `${person.name} is now ${role === "ADMIN" ? "an" : "a"} ${ROLE_LABELS[role].toLowerCase()}.` });
      router.refresh();
    } catch (e) {
      setChosenRole(({ [person.id]: _dropped, ...rest }) => rest);
      setNotice({ tone: "error", text: `The role of ${person.name} was not changed: ${readApiError(e).message}` });
    } finally {
      setBusyId(null);
    }
  }

  async function toggleActive(person: PersonRow) {
    try {
      await setActive.mutateAsync({ userId: person.id, active: !person.active });
      setNotice({ tone: "success", text: person.active ? `${person.name} is deactivated and can no longer sign in.` : `${person.name} can sign in again.` });
      router.refresh();
    } catch (e) {
      setNotice({ tone: "error", text: `${person.name} was not ${person.active ? "deactivated" : "reactivated"}: ${readApiError(e).message}` });
    }
  }

  async function unlockAccount(person: PersonRow) {
    try {
      const { unlocked } = await unlock.mutateAsync({ userId: person.id });
      setNotice({ tone: "success", text: unlocked ? `${person.name} can try to sign in again.` : `${person.name} was not locked out any more.` });
      router.refresh();
    } catch (e) {
      setNotice({ tone: "error", text: `${person.name} was not unlocked: ${readApiError(e).message}` });
    }
  }

  return (
    <div>
      <div aria-live="polite" className="mb-3 empty:hidden">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      <ScrollRegion label="People" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        {/* Below md each person is a card: the rows and cells stack, the header row is only read out. */}
        <table className="min-w-full divide-y divide-slate-200 text-sm max-md:block">
          <caption className="sr-only">People, their roles, teams and status</caption>
          <thead className="bg-slate-50 text-left max-md:sr-only text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                Name
              </th>
              <th scope="col" className="px-4 py-3">
                Role
              </th>
              <th scope="col" className="px-4 py-3">
                Teams
              </th>
              <th scope="col" className="px-4 py-3">
                Status
              </th>
              <th scope="col" className="px-4 py-3">
                Since
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 max-md:block">
            {people.map((person) => {
              const self = person.id === currentUserId;
              const selfHint = `self-hint-${person.id}`;
              const role = chosenRole[person.id] ?? person.role;
              return (
                <tr
                  key={person.id}
                  className="align-top max-md:grid max-md:grid-cols-2 max-md:gap-x-4 max-md:gap-y-3 max-md:p-4"
                  data-testid={`person-${person.email}`}
                >
                  <th scope="row" className="px-4 py-3 text-left font-normal max-md:col-span-2 max-md:block max-md:p-0">
                    <span className="block font-medium text-slate-900">
                      {person.name}
                      {self ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
                    </span>
                    <span className="block break-all text-slate-600">{person.email}</span>
                    {self ? (
                      <span id={selfHint} className="mt-1 block text-xs text-slate-500">
                        You cannot demote or deactivate yourself.
                      </span>
                    ) : null}
                  </th>
                  <td className="px-4 py-3 max-md:block max-md:p-0">
                    <span aria-hidden="true" className={CELL_LABEL}>
                      Role
                    </span>
                    <label htmlFor={`role-${person.id}`} className="sr-only">
                      Role of {person.name}
                    </label>
                    <select
                      id={`role-${person.id}`}
                      value={role}
                      disabled={self || busyId === person.id}
                      aria-describedby={self ? selfHint : undefined}
                      onChange={(e) => void changeRole(person, e.target.value as Role)}
                      className={control}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-4 py-3 text-slate-700 max-md:col-span-2 max-md:row-start-3 max-md:block max-md:p-0">
                    <span className={CELL_LABEL}>Teams</span>
                    <span className="block">{person.memberships.map((m) => m.team.name).join(", ") || "No team"}</span>
                    <TeamsDialog
                      person={person}
                      teams={teams}
                      onSaved={(text) => {
                        setNotice({ tone: "success", text });
                        router.refresh();
                      }}
                      onError={(text) => setNotice({ tone: "error", text })}
                    />
                  </td>
                  <td className="px-4 py-3 max-md:block max-md:p-0">
                    <span className={CELL_LABEL}>Status</span>
                    <span
                      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${person.active ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-100 text-slate-700 ring-slate-300"}`}
                    >
                      <span aria-hidden="true">{person.active ? "●" : "○"}</span>
                      {person.active ? "Active" : "Deactivated"}
                    </span>
                    <Button
                      variant="ghost"
                      className="mt-1 flex px-2 py-1 text-xs text-brand-700 disabled:opacity-40"
                      disabled={self || setActive.isPending}
                      aria-describedby={self ? selfHint : undefined}
                      onClick={() => void toggleActive(person)}
                    >
                      {person.active ? "Deactivate" : "Reactivate"}
                      <span className="sr-only"> {person.name}</span>
                    </Button>
                    {person.lockedUntil ? (
                      <span className="mt-2 block text-xs text-amber-800" data-testid="locked-until">
                        Locked out after failed sign-ins until {TIME.format(new Date(person.lockedUntil))} UTC
                        <Button variant="ghost" className="mt-1 flex px-2 py-1 text-xs text-brand-700" disabled={unlock.isPending} onClick={() => void unlockAccount(person)}>
                          Unlock<span className="sr-only"> {person.name}</span>
                        </Button>
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600 max-md:col-span-2 max-md:block max-md:p-0 max-md:text-xs">
                    <span className="md:hidden">Since </span>
                    {DATE.format(new Date(person.createdAt))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
