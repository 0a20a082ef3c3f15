import { expect, test } from "./fixtures";
import { AdminPage, AuditPage } from "./pages/admin-pages";
import { expectNoSeriousAxeViolations } from "./support/axe";

test.describe("the audit trail and the admin page", () => {
  test("the admin opens the audit viewer from the admin page and sees the chain intact", async ({ page, users }) => {
    // Two pages, a filtered audit view and an axe scan of a page that lists every event: more than the default budget on a busy machine.
    test.slow();
    const admin = await users.create({ role: "ADMIN" });
    await admin.signIn(page);
    await new AdminPage(page).goto();
    await page.getByRole("link", { name: "Open the audit trail" }).click();
    const audit = new AuditPage(page);
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await expect(audit.chain()).toContainText(/Chain intact through event #[\d,]+/);
    await expect(audit.chain().getByTestId("chain-head")).toHaveText(/^[0-9a-f]{64}$/);
    // The admin's own sign-in (through next-auth's credentials callback) is on the record, once.
    await audit.actor().fill(admin.email);
    await audit.action().selectOption({ label: "User signed in" });
    await audit.apply();
    await expect(audit.rows()).toHaveCount(1);
    await expect(audit.rows().first()).toContainText("User signed in");
    await expect(audit.rows().first()).toContainText(admin.email);
    await expectNoSeriousAxeViolations(page);
  });

  test("changing a person's role is applied and audited", async ({ page, users }) => {
    const admin = await users.create({ role: "ADMIN" });
    const reviewer = await users.create({ role: "REVIEWER" });
    await admin.signIn(page);
    const adminPage = new AdminPage(page);
    await adminPage.goto();
    await expect(adminPage.roleOf(admin.name)).toBeDisabled();
    await expect(adminPage.roleOf(reviewer.name)).toHaveValue("REVIEWER");
    await adminPage.roleOf(reviewer.name).selectOption({ label: "Team member" });
    await expect(page.getByRole("status").filter({ hasText: `${reviewer.name} is now a team member.` })).toBeVisible();
    await page.reload();
    await expect(adminPage.roleOf(reviewer.name)).toHaveValue("MEMBER");

    const audit = new AuditPage(page);
    await audit.goto("?action=USER_ROLE_CHANGED");
    const row = audit.rows().filter({ hasText: reviewer.email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(admin.name);
    await expect(row).toContainText('role: "REVIEWER" → "MEMBER"');
    await expect(audit.chain()).toContainText("Chain intact");
  });

  test("an admin sees a locked-out person and unlocks them, on the record", async ({ page, users, request }) => {
    const admin = await users.create({ role: "ADMIN" });
    const member = await users.create({ teams: ["new"] });
    // Six wrong passwords over HTTP Basic lock the member out (5 free failures).
    for (let i = 0; i < 6; i++) {
      await request.get("/api/export/decision-log", { headers: { authorization: `Basic ${Buffer.from(`${member.email}:wrong-${i}`).toString("base64")}` } });
    }
    const locked = await request.get("/api/export/decision-log", { headers: { authorization: `Basic ${Buffer.from(`${member.email}:${member.password}`).toString("base64")}` } });
    expect(locked.status()).toBe(429);

    await admin.signIn(page);
    const adminPage = new AdminPage(page);
    await adminPage.goto();
    const row = page.getByTestId(`person-${member.email}`);
    await expect(row.getByTestId("locked-until")).toContainText("Locked out after failed sign-ins until");
    await row.getByRole("button", { name: `Unlock ${member.name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${member.name} can try to sign in again.` })).toBeVisible();
    await expect(row.getByTestId("locked-until")).toHaveCount(0);
    expect((await member.api()).hasSession()).toBe(true);

    const audit = new AuditPage(page);
    await audit.goto("?entityType=User&action=ACCOUNT_UNLOCKED");
    await expect(audit.rows().filter({ hasText: member.email })).toHaveCount(1);
  });

  test("the price table shows the server's validation message beside the field", async ({ page, users }) => {
    const admin = await users.create({ role: "ADMIN" });
    await admin.signIn(page);
    const adminPage = new AdminPage(page);
    await adminPage.goto();
    await adminPage.price("CPU replica").fill("-1");
    await page.getByRole("button", { name: "Save prices" }).click();
    await expect(adminPage.price("CPU replica")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Some fields need attention")).toBeVisible();
    await page.getByRole("button", { name: "Reset to default (CPU replica)" }).click();
    await expect(adminPage.price("CPU replica")).toHaveValue("0.23");
    await expectNoSeriousAxeViolations(page);
  });

  test("a reviewer gets a not-found page for the audit viewer", async ({ page, users }) => {
    const reviewer = await users.create({ role: "REVIEWER" });
    await reviewer.signIn(page);
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: /does not exist/ })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});
