import { notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/page-header";
import { hasRole, ROLE_LABELS } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Admin" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function AdminPage() {
  const actor = await requireActor("/admin");
  if (!hasRole(actor.role, "ADMIN")) notFound();
  const caller = await getServerCaller();
  const [users, teams] = await Promise.all([caller.admin.listUsers(), caller.team.listAll()]);
  return (
    <>
      <PageHeader title="Admin" description="People who can sign in to Servewise, their roles and teams." />
      <section aria-labelledby="users-heading" className="mb-10">
        <h2 id="users-heading" className="mb-3 text-lg font-semibold">
          People <span className="text-sm font-normal text-slate-500">({users.length})</span>
        </h2>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">People and their roles</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Email</th>
                <th scope="col" className="px-4 py-3">Role</th>
                <th scope="col" className="px-4 py-3">Teams</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Since</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">{u.name}</th>
                  <td className="px-4 py-3 text-slate-600">{u.email}</td>
                  <td className="px-4 py-3">{ROLE_LABELS[u.role]}</td>
                  <td className="px-4 py-3 text-slate-600">{u.memberships.map((m) => m.team.name).join(", ") || "—"}</td>
                  <td className="px-4 py-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${u.active ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}>
                      {u.active ? "Active" : "Deactivated"}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-slate-600">{dateFormat.format(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading" className="mb-3 text-lg font-semibold">
          Teams <span className="text-sm font-normal text-slate-500">({teams.length})</span>
        </h2>
        <ul className="grid gap-4 md:grid-cols-3">
          {teams.map((t) => (
            <li key={t.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <p className="font-semibold text-slate-900">{t.name}</p>
              <p className="mt-1 text-sm text-slate-600">{t.description || "No description."}</p>
              <p className="mt-2 text-xs text-slate-500">{t.memberCount} member{t.memberCount === 1 ? "" : "s"}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
