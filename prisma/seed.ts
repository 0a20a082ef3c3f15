/**
 * `npm run db:seed`: idempotent demo data through the same services the app uses.
 * Refused when NODE_ENV=production.
 */
import "dotenv/config";
import { getDatabaseEnv } from "~/env";
import { randomUUID } from "node:crypto";
import { EXAMPLE_ANSWERS } from "~/engine";
import { findUserByEmail } from "~/server/auth/identity";
import { upsertTeam, upsertUser } from "~/features/account/service";
import { withdrawDecision } from "~/features/decisions/service";
import { addComment, reviewDecision } from "~/features/review/service";
import { createUseCase, saveDraft, submitUseCase } from "~/features/use-cases/service";
import { db, getPool } from "~/server/db";
import { DEMO_TEAMS, DEMO_USE_CASES, DEMO_USERS, formatDemoLogins } from "./demo-users";

/**
 * The demo teams and accounts, each created only when missing: an existing one is left as it
 * is (an admin may have changed its role, teams or status, or its password since).
 */
export async function seedDemoData(options: { bcryptRounds: number }) {
  let created = 0;
  for (const team of DEMO_TEAMS) {
    if (await db.team.findUnique({ where: { slug: team.slug }, select: { id: true } })) continue;
    await upsertTeam(team);
    created++;
  }
  for (const user of DEMO_USERS) {
    if (await findUserByEmail(user.email)) continue;
    await upsertUser(
      { email: user.email, name: user.name, role: user.role, password: user.password, teamSlugs: user.teamSlugs },
      options,
    );
    created++;
  }
  return created;
}

const DEMO_STEP_MS = 5 * 3_600_000;

/** Demo use cases and their histories, through the same services as the app; skipped when present. */
export async function seedDemoUseCases(now = new Date()) {
  let created = 0;
  // A history spread over the past (5 h between steps) that ends by `now` and starts after the
  // trail's latest event, so the seeded events are in sequence order and none is in the future.
  // Each use case takes one tick to create, one per step, or one draft save when it has no steps.
  const ticks = DEMO_USE_CASES.reduce((n, u) => n + 1 + Math.max(u.steps.length, 1), 0);
  const latest = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { occurredAt: true } });
  const start = Math.max(now.getTime() - ticks * DEMO_STEP_MS, latest ? latest.occurredAt.getTime() : -Infinity);
  const step = Math.max(0, Math.min(DEMO_STEP_MS, Math.floor((now.getTime() - start) / ticks)));
  let clock = start;
  const tick = () => new Date((clock += step));
  const actorOf = async (email: string) => {
    const actor = await findUserByEmail(email);
    if (!actor) throw new Error(`Seed the demo users before the demo use cases (${email}).`);
    return actor;
  };
  for (const demo of DEMO_USE_CASES) {
    const team = await db.team.findUnique({ where: { slug: demo.teamSlug }, select: { id: true } });
    const example = EXAMPLE_ANSWERS[demo.example];
    if (!team || !example) throw new Error(`Unknown team or example for ${demo.example}.`);
    if (await db.useCase.findFirst({ where: { teamId: team.id, title: example.title }, select: { id: true } })) continue;
    const author = await actorOf(demo.authorEmail);
    const { id } = await createUseCase({ actor: author, now: tick(), requestId: "seed" }, {
      teamId: team.id,
      title: example.title,
      description: example.description,
      owner: author.name,
      modelRepoUrl: "",
      dashboardUrl: "",
      tags: [...demo.tags],
    });
    let answers = example.answers;
    let number = 0;
    if (demo.steps.length === 0) await saveDraft({ actor: author, now: tick() }, { id, expectedRevision: 1, answers });
    for (const step of demo.steps) {
      const ctx = { actor: await actorOf(step.by), now: tick(), requestId: "seed" };
      if (step.do === "submit") {
        for (const [field, factor] of Object.entries(step.change ?? {})) {
          const current = answers[field as keyof typeof answers];
          answers = { ...answers, [field]: typeof current === "number" ? Math.round(current * factor * 100) / 100 : current };
        }
        const { revision } = await db.useCase.findUniqueOrThrow({ where: { id }, select: { revision: true } });
        number = (await submitUseCase(ctx, { id, expectedRevision: revision, idempotencyKey: randomUUID(), answers })).versionNumber;
      } else {
        const { version } = await db.decisionVersion.findUniqueOrThrow({ where: { useCaseId_number: { useCaseId: id, number } }, select: { version: true } });
        if (step.do === "review") {
          await reviewDecision(ctx, { useCaseId: id, number, expectedVersion: version, action: step.action, comment: step.comment, approvedStrategy: step.approvedStrategy });
        } else if (step.do === "comment") {
          await addComment(ctx, { useCaseId: id, number, body: step.body });
        } else {
          await withdrawDecision(ctx, { useCaseId: id, number, expectedVersion: version });
        }
      }
    }
    created++;
  }
  return created;
}

async function main() {
  if (process.env.NODE_ENV === "production") {
    console.error("Refusing to seed demo accounts with NODE_ENV=production: they have published passwords.");
    process.exit(2);
  }
  const env = getDatabaseEnv();
  const accounts = await seedDemoData({ bcryptRounds: Math.min(env.BCRYPT_ROUNDS, 10) });
  const useCases = await seedDemoUseCases();
  console.log(
    accounts + useCases === 0
      ? "Demo data already present: nothing added."
      : `Added ${accounts} demo teams and accounts and ${useCases} demo use cases (existing ones are kept as they are).`,
  );
  if (process.argv.includes("--print-logins")) console.log(formatDemoLogins());
  // The adapter does not own the pool: end it too, or idle connections keep the process alive for 10 s.
  await db.$disconnect();
  await getPool().end();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
