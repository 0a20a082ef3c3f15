import { expect, type Page } from "@playwright/test";
import type { DirectoryAccount } from "../support/oidc-directory";

/**
 * Signing in with company SSO: the portal's "Continue with …" button, then the OpenID
 * provider's own login and consent pages (tests/e2e/support/oidc-provider.ts), by roles and labels.
 */
export class CompanySsoFlow {
  constructor(
    private readonly page: Page,
    private readonly sso: { issuer: string; name: string },
  ) {}

  /** On the portal's sign-in page: leaves for the provider's login page. */
  async start() {
    await this.page.getByRole("button", { name: `Continue with ${this.sso.name}` }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Example Corp sign-in" })).toBeVisible();
    expect(new URL(this.page.url()).origin).toBe(new URL(this.sso.issuer).origin);
  }

  /** On the provider's login page, then its consent page: back to the portal. */
  async signInAndAllow(person: DirectoryAccount) {
    await this.page.getByLabel("Username").fill(person.username);
    await this.page.getByLabel("Password").fill(person.password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Share your Example Corp account with Servewise?" })).toBeVisible();
    await expect(this.page.getByRole("listitem")).toHaveText(["openid", "email", "profile"]);
    await this.page.getByRole("button", { name: "Allow" }).click();
  }

  /** From the portal's sign-in page through the provider and back. */
  async signIn(person: DirectoryAccount) {
    await this.start();
    await this.signInAndAllow(person);
  }
}
