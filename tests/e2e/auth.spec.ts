import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { expectNoSeriousAxeViolations } from "./support/axe";

const EXPECTED_NAV: Record<string, string[]> = {
  MEMBER: ["My use cases", "Decision log"],
  REVIEWER: ["My use cases", "Review queue", "Decision log"],
  ADMIN: ["My use cases", "Review queue", "Decision log", "Admin"],
};

// The sign-in form is exercised here, once per outcome (success, wrong password, deactivated,
// keyboard only, accessibility). Every other test signs in by cookie (tests/e2e/fixtures).
test.describe("signing in", () => {
  test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/review");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
  });

  test("a demo account signs in through the form and returns to the page it asked for", async ({ page }) => {
    // The seeded demo logins the README lists; nothing else in the suite uses this account.
    const demo = DEMO_USERS.find((u) => u.role === "MEMBER")!;
    await page.goto("/signin?callbackUrl=%2Fdecision-log");
    await expect(page.getByRole("heading", { name: "Sign in to Servewise" })).toBeVisible();
    await new SignInPage(page).signIn(demo.email, demo.password);
    await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
    await expect(page).toHaveURL(/\/decision-log$/);
    await expect(page.getByTestId("current-user")).toContainText(demo.name);
  });

  test("a signed-out deep link comes back to the very URL after signing in through the form", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await page.goto("/decision-log?q=fraud&status=APPROVED");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await new SignInPage(page).signIn(member.email, member.password);
    await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
    await expect(page).toHaveURL(/\/decision-log\?q=fraud&status=APPROVED$/);
  });

  test("too many wrong passwords lock the account and say when to try again", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    const signIn = new SignInPage(page);
    await signIn.goto();
    for (let i = 0; i < 5; i++) {
      await signIn.signIn(member.email, `wrong-${i}`);
      await expect(signIn.error()).toContainText("do not match");
    }
    await signIn.signIn(member.email, member.password);
    await expect(signIn.error()).toContainText("Too many attempts — try again in 1 minute.");
    await expect(page).toHaveURL(/\/signin/);
  });

  for (const role of ["MEMBER", "REVIEWER", "ADMIN"] as const) {
    test(`a ${role.toLowerCase()} sees exactly the navigation of the role`, async ({ page, users }) => {
      const user = await users.create({ role, teams: role === "MEMBER" ? ["new"] : [] });
      // Every page runs under the production Content-Security-Policy: nothing may be refused.
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
      await user.signIn(page);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: /^Welcome,/ })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText(EXPECTED_NAV[role]!);
      await expect(page.getByTestId("current-user")).toContainText(user.name);
      for (const item of EXPECTED_NAV[role]!) {
        await nav.getByRole("link", { name: item }).click();
        await expect(page.getByRole("heading", { level: 1, name: item })).toBeVisible();
        await expect(nav.getByRole("link", { name: item })).toHaveAttribute("aria-current", "page");
      }
      expect(refused).toEqual([]);
    });
  }

  test("a member who types the admin page's address gets a not-found page", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: /does not exist/ })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("a wrong password shows an error and does not sign in", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(member.email, "not-the-password");
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

  test("a deactivated user cannot sign in", async ({ page, users }) => {
    const former = await users.create({ active: false });
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(former.email, former.password);
    await expect(signIn.error()).toContainText("deactivated");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("sign-out ends the session", async ({ page, users }) => {
    const reviewer = await users.create({ role: "REVIEWER" });
    await reviewer.signIn(page);
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto("/review");
    await expect(page).toHaveURL(/\/signin/);
    // A copy of the session cookie taken before signing out no longer works either.
    await page.context().addCookies(cookies);
    await page.goto("/review");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("changing the password ends every session and the new password signs in", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    const cookies = await page.context().cookies();
    await page.goto("/");
    await page.getByTestId("current-user").getByRole("link", { name: member.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await page.getByLabel("Current password", { exact: true }).fill("not my password");
    await page.getByLabel("New password (12 characters or more)", { exact: true }).fill("a fresh passphrase 42");
    await page.getByLabel("New password again", { exact: true }).fill("a fresh passphrase 42");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.").first()).toBeVisible();

    await page.getByLabel("Current password", { exact: true }).fill(member.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has changed, and every session has ended.")).toBeVisible();
    // The session cookie from before the change is dead too.
    await page.context().addCookies(cookies);
    await page.goto("/decision-log");
    await expect(page).toHaveURL(/\/signin/);
    await new SignInPage(page).signIn(member.email, "a fresh passphrase 42");
    await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
  });

  test("the keyboard alone signs in: tab to the fields, Enter submits", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await new SignInPage(page).goto();
    await page.getByLabel("Work email", { exact: true }).focus();
    await page.keyboard.type(member.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(member.password);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome,/ })).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText(member.name);
  });
});

test.describe("accessibility", () => {
  test("the sign-in page has no serious axe violations", async ({ page }) => {
    await new SignInPage(page).goto();
    await expectNoSeriousAxeViolations(page);
  });

  test("the sign-in page has an icon and no console errors: /favicon.ico answers", async ({ page, request }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    await new SignInPage(page).goto();
    await page.waitForLoadState("networkidle");
    const icon = page.locator('link[rel="icon"]').first();
    await expect(icon).toHaveAttribute("href", /\/(favicon\.ico|icon\.svg)/);
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    const svg = await request.get((await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href")) ?? "/icon.svg");
    expect(svg.status()).toBe(200);
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the home page has no serious axe violations", async ({ page, users }) => {
    const admin = await users.create({ role: "ADMIN" });
    await admin.signIn(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome,/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});
