/**
 * `npm run db:seed`: idempotent demo data through the same services the app uses.
 * Refused when NODE_ENV=production.
 */
import "dotenv/config";
import { getEnv } from "~/env";
import { randomUUID } from "node:crypto";
import { EXAMPLE_ANSWERS } from "~/engine";
import { findUserByEmail } from "~/features/account/queries";
import { upsertTeam, upsertUser } from "~/features/account/service";
import { createUseCase, saveDraft, submitUseCase } from "~/features/use-cases/service";
import { db } from "~/server/db";
import { DEMO_TEAMS, DEMO_USE_CASES, DEMO_USERS, formatDemoLogins } from "./demo-users";

export async function seedDemoData(options: { bcryptRounds: number }) {
  for (const team of DEMO_TEAMS) await upsertTeam(team);
  for (const user of DEMO_USERS) {
    await upsertUser(
      { email: user.email, name: user.name, role: user.role, password: user.password, teamSlugs: user.teamSlugs },
      options,
    );
  }
}

/** Demo use cases written through the same services as the app; skipped when already there. */
export async function seedDemoUseCases(now = new Date()) {
  let created = 0;
  for (const [index, demo] of DEMO_USE_CASES.entries()) {
    const actor = await findUserByEmail(demo.authorEmail);
    const team = await db.team.findUnique({ where: { slug: demo.teamSlug }, select: { id: true } });
    if (!actor || !team) throw new Error(`Seed the demo users and teams before ${demo.example}.`);
    const example = EXAMPLE_ANSWERS[demo.example];
    if (!example) throw new Error(`Unknown engine example ${demo.example}.`);
    if (await db.useCase.findFirst({ where: { teamId: team.id, title: example.title }, select: { id: true } })) continue;
    // Spread the history over the past days so lists have a believable order.
    const at = new Date(now.getTime() - (DEMO_USE_CASES.length - index) * 7 * 3_600_000);
    const ctx = { actor, now: at, requestId: "seed" };
    const { id } = await createUseCase(ctx, {
      teamId: team.id,
      title: example.title,
      description: example.description,
      owner: actor.name,
      modelRepoUrl: "",
      dashboardUrl: "",
      tags: [...demo.tags],
    });
    if (demo.submit) {
      await submitUseCase(ctx, { id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: example.answers });
    } else {
      await saveDraft(ctx, { id, expectedRevision: 1, answers: example.answers });
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
  const env = getEnv();
  await seedDemoData({ bcryptRounds: Math.min(env.BCRYPT_ROUNDS, 10) });
  const useCases = await seedDemoUseCases();
  console.log(`Seeded ${DEMO_TEAMS.length} teams, ${DEMO_USERS.length} demo users and ${useCases} new demo use cases.`);
  if (process.argv.includes("--print-logins")) console.log(formatDemoLogins());
  await db.$disconnect();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
