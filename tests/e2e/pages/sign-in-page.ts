import { expect, type Page } from "@playwright/test";

/** The sign-in page, by roles and labels rather than CSS. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
    await expect(this.page.getByRole("heading", { name: "Sign in to Servewise" })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Work email", { exact: true }).fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  error() {
    return this.page.getByRole("main").getByRole("alert");
  }
}
