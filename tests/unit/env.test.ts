import { describe, expect, it } from "vitest";
import { EnvError, parseDatabaseEnv, parseEnv, parseMailEnv } from "~/env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/servewise",
  NEXTAUTH_SECRET: "a".repeat(32),
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("environment validation", () => {
  it("accepts a minimal valid environment and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({ NODE_ENV: "development", BCRYPT_ROUNDS: 12, OIDC_NAME: "Company SSO", OIDC_AUTO_PROVISION: false });
  });

  it("names a missing DATABASE_URL and NEXTAUTH_SECRET", () => {
    const found = problems({});
    expect(found.some((p) => p.startsWith("DATABASE_URL "))).toBe(true);
    expect(found.some((p) => p.startsWith("NEXTAUTH_SECRET "))).toBe(true);
  });

  it("treats an empty string as unset", () => {
    expect(problems({ ...valid, DATABASE_URL: "" })).toEqual([expect.stringMatching(/^DATABASE_URL is required/)]);
  });

  it("rejects a non-postgres DATABASE_URL and a short secret, naming each", () => {
    expect(problems({ DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short" })).toEqual([
      "DATABASE_URL must be a postgresql:// connection string",
      "NEXTAUTH_SECRET must be at least 32 characters",
    ]);
  });

  it("rejects BCRYPT_ROUNDS out of range or not a number", () => {
    expect(problems({ ...valid, BCRYPT_ROUNDS: "3" })).toEqual(["BCRYPT_ROUNDS must be between 4 and 15"]);
    expect(problems({ ...valid, BCRYPT_ROUNDS: "ten" })).toEqual(["BCRYPT_ROUNDS must be a whole number"]);
    expect(parseEnv({ ...valid, BCRYPT_ROUNDS: "10" }).BCRYPT_ROUNDS).toBe(10);
  });

  it("requires all three OIDC variables once any is set, naming the missing ones", () => {
    const found = problems({ ...valid, OIDC_ISSUER: "https://sso.example.com" });
    expect(found).toEqual([
      "OIDC_CLIENT_ID is required when OIDC_ISSUER is set (company SSO)",
      "OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set (company SSO)",
    ]);
    expect(
      parseEnv({ ...valid, OIDC_ISSUER: "https://sso.example.com", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s", OIDC_AUTO_PROVISION: "true" })
        .OIDC_AUTO_PROVISION,
    ).toBe(true);
  });

  it("rejects a malformed boolean and a bad NODE_ENV", () => {
    expect(problems({ ...valid, OIDC_AUTO_PROVISION: "yes" })).toEqual(['OIDC_AUTO_PROVISION must be "true" or "false"']);
    expect(problems({ ...valid, NODE_ENV: "staging" })).toHaveLength(1);
  });

  it("puts every problem in the thrown message with a pointer to .env.example", () => {
    expect(() => parseEnv({})).toThrow(/Invalid environment:[\s\S]*DATABASE_URL[\s\S]*\.env\.example/);
  });
});

describe("the subsets scripts read (seed, migrate, audit:verify)", () => {
  it("need no session secret: database and email settings alone parse", () => {
    expect(parseDatabaseEnv({ DATABASE_URL: valid.DATABASE_URL }).DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(parseMailEnv({})).toEqual({ SMTP_PORT: 587, SMTP_SECURE: false, SMTP_FROM: "Servewise <servewise@localhost>" });
  });

  it("still validate what they read", () => {
    expect(() => parseMailEnv({ SMTP_PORT: "eighty" })).toThrow(/SMTP_PORT must be a port number/);
  });
});
