import "dotenv/config";
import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection string from here. Only `prisma generate` is used
// from the Prisma 7 CLI (offline); migrations are applied by scripts/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
