import Link from "next/link";
import type { Role } from "~/lib/roles";

interface Step {
  title: string;
  body: string;
  href: string;
  cta: string;
}

/** What each role should do next, in the order they would do it. */
export function stepsFor(role: Role, teamNames: string[]): Step[] {
  const teams = teamNames.length > 0 ? teamNames.join(", ") : null;
  const member: Step[] = [
    {
      title: "Describe a use case",
      body: teams
        ? `Tell Servewise who waits for your model's predictions, how fresh they must be and how much traffic to expect — for ${teams}.`
        : "You are not in a team yet. Ask an admin to add you to your team, then describe your first use case.",
      href: "/use-cases",
      cta: "Go to my use cases",
    },
    {
      title: "Read the decision log",
      body: teams
        ? `Every decision of ${teams}: what the engine recommended, what reviewers approved, by whom and why.`
        : "The decisions of your teams: what the engine recommended, what reviewers approved, by whom and why.",
      href: "/decision-log",
      cta: "Open the decision log",
    },
  ];
  const reviewer: Step[] = [
    {
      title: "Review submitted decisions",
      body: "Approve, reject or request changes on recommendations that teams submitted, oldest first.",
      href: "/review",
      cta: "Open the review queue",
    },
  ];
  const admin: Step[] = [
    {
      title: "Manage people and teams",
      body: "Check who can sign in, their roles and the teams they belong to.",
      href: "/admin",
      cta: "Open admin",
    },
  ];
  // Reviewers and admins read every team's decisions; members their own teams' (decision-log whereFor).
  const everyLog: Step = { ...member[1]!, body: "Every team's decisions: what the engine recommended, what reviewers approved, by whom and why." };
  if (role === "ADMIN") return [...admin, ...reviewer, everyLog];
  if (role === "REVIEWER") return [...reviewer, everyLog];
  return member;
}

export function NextSteps({ role, teamNames }: { role: Role; teamNames: string[] }) {
  const steps = stepsFor(role, teamNames);
  return (
    <ol className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
      {steps.map((step, index) => (
        <li key={step.title} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-600">Step {index + 1}</p>
          <h2 className="mt-1 text-base font-semibold text-slate-900">{step.title}</h2>
          <p className="mt-2 flex-1 text-sm text-slate-600">{step.body}</p>
          <Link href={step.href} className="mt-4 text-sm font-semibold text-brand-700 hover:underline">
            {step.cta} <span aria-hidden="true">→</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
