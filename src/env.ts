/**
 * The server's environment, validated with zod. A missing or malformed variable fails fast
 * with a message naming it (checked at server start in src/instrumentation.ts, and lazily by
 * anything that reads `getEnv()`). Every variable is documented in .env.example.
 */
import { z } from "zod";

/** The thresholds of the server log (src/server/log.ts). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const booleanString = z
  .enum(["true", "false", "1", "0"], { message: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

/**
 * What scripts that only touch the database need (migrate, seed, audit:verify): they must
 * not demand the web server's session secret.
 */
const databaseEnvShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ message: "is required (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(2, "must be between 2 and 200")
    .max(200, "must be between 2 and 200")
    .default(10),
  DATABASE_POOL_TIMEOUT_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(100, "must be between 100 and 60000")
    .max(60_000, "must be between 100 and 60000")
    .default(5_000),
  DATABASE_TRANSACTION_TIMEOUT_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(1_000, "must be between 1000 and 120000")
    .max(120_000, "must be between 1000 and 120000")
    .default(15_000),
  BCRYPT_ROUNDS: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(4, "must be between 4 and 15")
    .max(15, "must be between 4 and 15")
    .default(12),
};
export const databaseEnvSchema = z.object(databaseEnvShape);
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/**
 * What email notifications need. The services that send them also run in scripts (the demo
 * seed submits and reviews), which must not demand the web server's session secret either.
 */
const mailEnvShape = {
  NEXTAUTH_URL: z.url({ message: "must be an absolute URL such as http://localhost:3000" }).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanString.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default("Servewise <servewise@localhost>"),
};
export const mailEnvSchema = z.object(mailEnvShape);

/** Audit checkpoints (scripts and the server): the signing key is never stored in the database. */
const checkpointEnvShape = {
  AUDIT_CHECKPOINT_KEY: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default(".data/audit-checkpoints"),
  AUDIT_CHECKPOINT_INTERVAL_MINUTES: z.coerce
    .number({ message: "must be a number of minutes" })
    .int("must be a whole number of minutes")
    .min(0, "must be between 0 (off) and 1440")
    .max(1440, "must be between 0 (off) and 1440")
    .default(60),
  /** A bearer token for GET /api/audit/checkpoints (a monitoring job that copies the checkpoints away). */
  AUDIT_CHECKPOINT_TOKEN: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
};
export const checkpointEnvSchema = z.object(checkpointEnvShape);
export type CheckpointEnv = z.infer<typeof checkpointEnvSchema>;
export type MailEnv = z.infer<typeof mailEnvSchema>;

export const envSchema = z
  .object({
    ...databaseEnvShape,
    ...mailEnvShape,
    ...checkpointEnvShape,
    NEXTAUTH_SECRET: z.string({ message: "is required: a random string of 32+ characters" }).min(32, "must be at least 32 characters"),
    OIDC_ISSUER: z.url({ message: "must be the issuer URL of your OpenID Connect provider" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Company SSO"),
    OIDC_AUTO_PROVISION: booleanString.default(false),
    LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (default):
     * none is trusted, and a client's address is its connection's. "true" means 1.
     */
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9])$/, 'must be "false", "true" or a number of proxy hops (0-9)')
      .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)))
      .default(0),
  })
  .superRefine((env, ctx) => {
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
    const set = oidc.filter((k) => env[k] !== undefined);
    if (set.length > 0 && set.length < oidc.length) {
      for (const k of oidc.filter((k) => env[k] === undefined)) {
        ctx.addIssue({ code: "custom", path: [k], message: `is required when ${set.join(", ")} is set (company SSO)` });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  return result.data;
}

/** Parses a variables object; empty strings count as unset. Throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

/** The database subset only (see `databaseEnvSchema`). */
export function parseDatabaseEnv(source: Record<string, string | undefined>): DatabaseEnv {
  return parseWith(databaseEnvSchema, source);
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

let cachedDatabase: DatabaseEnv | undefined;
export function getDatabaseEnv(): DatabaseEnv {
  cachedDatabase ??= parseDatabaseEnv(process.env);
  return cachedDatabase;
}

/** The email subset only (see `mailEnvSchema`). */
export function parseMailEnv(source: Record<string, string | undefined>): MailEnv {
  return parseWith(mailEnvSchema, source);
}

/** The audit checkpoint subset only (see `checkpointEnvSchema`). */
export function getCheckpointEnv(): CheckpointEnv {
  return parseWith(checkpointEnvSchema, process.env);
}

let cachedMail: MailEnv | undefined;
export function getMailEnv(): MailEnv {
  cachedMail ??= parseMailEnv(process.env);
  return cachedMail;
}

/** For tests that change variables after the first read. */
export function resetEnvCache() {
  cached = undefined;
  cachedDatabase = undefined;
  cachedMail = undefined;
}

export function isSsoEnabled(env: Env): env is Env & { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string } {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
