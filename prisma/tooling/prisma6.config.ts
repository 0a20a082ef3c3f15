// Config for Prisma 6's CLI (package alias `prisma6`), used ONLY to author migration SQL
// offline (scripts/db/new-migration.ts, scripts/db/prisma6.ts): its WASM schema engine
// diffs two datamodels with no engine download. It insists on opening a driver adapter,
// so it is given a reachable server, but a datamodel-to-datamodel diff changes nothing there.
import { PrismaPg } from "@prisma/adapter-pg";

const config = {
  experimental: { adapter: true },
  engine: "js",
  schema: "../schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.MIGRATION_AUTHOR_DATABASE_URL }),
};

export default config;
