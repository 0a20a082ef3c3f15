import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveSsoUser } from "~/server/auth/identity";
import { resetEnvCache } from "~/env";
import { db } from "~/server/db";
import { makeUser, uniqueSuffix } from "./helpers";

afterEach(() => {
  for (const k of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[k];
  resetEnvCache();
});

describe("company SSO (OpenID Connect)", () => {
  it("is off by default and adds the provider when all three variables are set", async () => {
    // getAuthOptions caches its result per module instance: load a fresh one for each setting.
    vi.resetModules();
    const off = await import("~/server/auth/options");
    expect(off.getAuthOptions().providers.map((p) => p.id)).toEqual(["credentials"]);
    Object.assign(process.env, { OIDC_ISSUER: "https://sso.example.com/realms/co", OIDC_CLIENT_ID: "servewise", OIDC_CLIENT_SECRET: "s3cret" });
    resetEnvCache();
    vi.resetModules();
    const fresh = await import("~/server/auth/options");
    const oidc = fresh.getAuthOptions().providers.find((p) => p.id === "oidc") as { wellKnown?: string; options?: { wellKnown?: string } } | undefined;
    expect(oidc).toBeDefined();
    expect(oidc!.wellKnown ?? oidc!.options?.wellKnown).toBe("https://sso.example.com/realms/co/.well-known/openid-configuration");
  });

  it("maps an SSO identity to the Servewise user with that email, case-insensitively", async () => {
    const user = await makeUser();
    const result = await resolveSsoUser({ email: user.email.toUpperCase(), name: "Whoever", autoProvision: false });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "MEMBER" } });
  });

  it("refuses deactivated users, and unknown people unless auto-provisioning is on", async () => {
    const gone = await makeUser({ active: false });
    expect(await resolveSsoUser({ email: gone.email, name: "Gone", autoProvision: true })).toEqual({ ok: false, reason: "deactivated" });
    const email = `new-${uniqueSuffix()}@example.test`;
    expect(await resolveSsoUser({ email, name: "New Person", autoProvision: false })).toEqual({ ok: false, reason: "invalid" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    const provisioned = await resolveSsoUser({ email, name: "New Person", autoProvision: true });
    expect(provisioned).toMatchObject({ ok: true, provisioned: true, user: { email, role: "MEMBER", name: "New Person" } });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();
  });
});
