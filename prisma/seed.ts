/**
 * `npm run db:seed`: idempotent demo data through the same services the app uses.
 * Refused when NODE_ENV=production.
 */
import "dotenv/config";
import { getEnv } from "~/env";
import { upsertTeam, upsertUser } from "~/features/account/service";
import { db } from "~/server/db";
import { DEMO_TEAMS, DEMO_USERS, formatDemoLogins } from "./demo-users";

export async function seedDemoData(options: { bcryptRounds: number }) {
  for (const team of DEMO_TEAMS) await upsertTeam(team);
  for (const user of DEMO_USERS) {
    await upsertUser(
      { email: user.email, name: user.name, role: user.role, password: user.password, teamSlugs: user.teamSlugs },
      options,
    );
  }
}

async function main() {
  if (process.env.NODE_ENV === "production") {
    console.error("Refusing to seed demo accounts with NODE_ENV=production: they have published passwords.");
    process.exit(2);
  }
  const env = getEnv();
  await seedDemoData({ bcryptRounds: Math.min(env.BCRYPT_ROUNDS, 10) });
  console.log(`Seeded ${DEMO_TEAMS.length} teams and ${DEMO_USERS.length} demo users.`);
  if (process.argv.includes("--print-logins")) console.log(formatDemoLogins());
  await db.$disconnect();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
