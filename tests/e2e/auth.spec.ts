import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";
import { DEACTIVATED_USER } from "./fixtures/users";
import { SignInPage, signInAs } from "./pages/sign-in-page";

const EXPECTED_NAV: Record<string, string[]> = {
  MEMBER: ["My use cases", "Decision log"],
  REVIEWER: ["My use cases", "Review queue", "Decision log"],
  ADMIN: ["My use cases", "Review queue", "Decision log", "Admin"],
};

test.describe("signing in", () => {
  test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/review");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
  });

  for (const role of ["MEMBER", "REVIEWER", "ADMIN"] as const) {
    test(`a ${role.toLowerCase()} sees exactly the navigation of the role`, async ({ page }) => {
      const user = DEMO_USERS.find((u) => u.role === role)!;
      await signInAs(page, user.email, user.password);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText(EXPECTED_NAV[role]!);
      await expect(page.getByTestId("current-user")).toContainText(user.name);
      for (const item of EXPECTED_NAV[role]!) {
        await nav.getByRole("link", { name: item }).click();
        await expect(page.getByRole("heading", { level: 1, name: item })).toBeVisible();
        await expect(nav.getByRole("link", { name: item })).toHaveAttribute("aria-current", "page");
      }
    });
  }

  test("a member who types the admin page's address gets a not-found page", async ({ page }) => {
    const member = DEMO_USERS.find((u) => u.role === "MEMBER")!;
    await signInAs(page, member.email, member.password);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: /does not exist/ })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO_USERS[0]!.email, "not-the-password");
    await expect(signIn.error()).toContainText("do not match");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("empty fields are explained next to the fields", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter your work email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Work email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("a deactivated user cannot sign in", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEACTIVATED_USER.email, DEACTIVATED_USER.password);
    await expect(signIn.error()).toContainText("deactivated");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("sign-out ends the session", async ({ page }) => {
    const reviewer = DEMO_USERS.find((u) => u.role === "REVIEWER")!;
    await signInAs(page, reviewer.email, reviewer.password);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto("/review");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the keyboard alone signs in: tab to the fields, Enter submits", async ({ page }) => {
    const member = DEMO_USERS.find((u) => u.role === "MEMBER")!;
    await new SignInPage(page).goto();
    await page.getByLabel("Work email", { exact: true }).focus();
    await page.keyboard.type(member.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(member.password);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome,/ })).toBeVisible();
  });
});

test.describe("accessibility", () => {
  test("the sign-in page has no serious axe violations", async ({ page }) => {
    await new SignInPage(page).goto();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("the home page has no serious axe violations", async ({ page }) => {
    const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
    await signInAs(page, admin.email, admin.password);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });
});
