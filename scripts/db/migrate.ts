/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */
import "dotenv/config";
import { applyMigrations } from "./migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Set it (see .env.example) or use `npm start`, which starts the embedded database.");
  process.exit(2);
}
try {
  const result = await applyMigrations(url, { log: (line) => console.log(line) });
  console.log(
    result.applied.length === 0
      ? `Database is up to date (${result.alreadyApplied} migrations applied).`
      : `Applied ${result.applied.length} migration(s).`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
