import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { NewTeamForm } from "~/features/admin/components/new-team-form";
import { PeopleTable } from "~/features/admin/components/people-table";
import { PriceTableForm } from "~/features/admin/components/price-table-form";
import { hasRole } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Admin" };

export default async function AdminPage() {
  const actor = await requireActor();
  if (!hasRole(actor.role, "ADMIN")) notFound();
  const caller = await getServerCaller();
  const [users, teams, prices] = await Promise.all([caller.admin.listUsers(), caller.team.listAll(), caller.admin.getPrices()]);
  return (
    <>
      <PageHeader
        title="Admin"
        description="People who can sign in to Servewise, their roles and teams; the unit prices behind cost estimates; and the audit trail of everything that happened."
      />

      <section aria-labelledby="audit-link-heading" className="mb-10 flex flex-col gap-3 rounded-xl border border-brand-100 bg-brand-50 p-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 id="audit-link-heading" className="font-semibold text-brand-900">
            Audit trail
          </h2>
          <p className="mt-1 text-sm text-brand-900">
            Verify the hash chain, browse every event by actor, action, entity or date, and export it. Every change made on this page is recorded there.
          </p>
        </div>
        <Link href="/admin/audit" className={buttonClasses("primary", "shrink-0")}>
          Open the audit trail
        </Link>
      </section>

      <section aria-labelledby="users-heading" className="mb-10">
        <h2 id="users-heading" className="mb-1 text-lg font-semibold">
          People <span className="text-sm font-normal text-slate-500">({users.length})</span>
        </h2>
        <p className="mb-3 text-sm text-slate-600">Changes apply at once, even to signed-in sessions, and are recorded in the audit trail.</p>
        <PeopleTable people={users} teams={teams} currentUserId={actor.id} />
      </section>

      <section aria-labelledby="teams-heading" className="mb-10">
        <h2 id="teams-heading" className="mb-3 text-lg font-semibold">
          Teams <span className="text-sm font-normal text-slate-500">({teams.length})</span>
        </h2>
        <div className="grid gap-6 lg:grid-cols-3">
          <ul className="grid gap-4 sm:grid-cols-2 lg:col-span-2" aria-label="Teams">
            {teams.map((t) => (
              <li key={t.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <p className="font-semibold text-slate-900">{t.name}</p>
                <p className="font-mono text-xs text-slate-500">{t.slug}</p>
                <p className="mt-1 text-sm text-slate-600">{t.description || "No description."}</p>
                <p className="mt-2 text-xs text-slate-500">
                  {t.memberCount} member{t.memberCount === 1 ? "" : "s"}
                </p>
              </li>
            ))}
          </ul>
          <NewTeamForm />
        </div>
      </section>

      <section aria-labelledby="prices-heading">
        <h2 id="prices-heading" className="mb-1 text-lg font-semibold">
          Price table
        </h2>
        <p id="prices-description" className="mb-3 max-w-3xl text-sm text-slate-600">
          Unit prices the strategy engine uses for every new assessment&apos;s monthly cost estimate. Existing decisions keep the estimate they were made with.
        </p>
        <PriceTableForm initial={prices} />
      </section>
    </>
  );
}
