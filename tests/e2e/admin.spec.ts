import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";
import { AdminPage, AuditPage } from "./pages/admin-pages";
import { trpc } from "./pages/log-page";
import { signInAs } from "./pages/sign-in-page";

const ada = DEMO_USERS.find((u) => u.email === "ada@servewise.test")!;
const sofia = DEMO_USERS.find((u) => u.email === "sofia@servewise.test")!;
const raj = DEMO_USERS.find((u) => u.email === "raj@servewise.test")!;

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`) }))).toEqual([]);
}

test.describe("the audit trail and the admin page", () => {
  test("the admin opens the audit viewer from the admin page and sees the chain intact", async ({ page }) => {
    await signInAs(page, ada.email, ada.password);
    await new AdminPage(page).goto();
    await page.getByRole("link", { name: "Open the audit trail" }).click();
    const audit = new AuditPage(page);
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await expect(audit.chain()).toContainText(/Chain intact: \d+ events?/);
    await expect(audit.chain().getByTestId("chain-head")).toHaveText(/^[0-9a-f]{64}$/);
    // Ada's own sign-in is on the record.
    await audit.actor().fill(ada.email);
    await audit.action().selectOption({ label: "User signed in" });
    await audit.apply();
    await expect(audit.rows().first()).toContainText("User signed in");
    await expect(audit.rows().first()).toContainText(ada.email);
    await expectNoSeriousAxeViolations(page);
  });

  test("changing a person's role is applied and audited", async ({ page }) => {
    await signInAs(page, ada.email, ada.password);
    const admin = new AdminPage(page);
    await admin.goto();
    await expect(admin.roleOf(ada.name)).toBeDisabled();
    try {
      await admin.roleOf(sofia.name).selectOption({ label: "Team member" });
      await expect(page.getByRole("status").filter({ hasText: `${sofia.name} is now a team member.` })).toBeVisible();
      await page.reload();
      await expect(admin.roleOf(sofia.name)).toHaveValue("MEMBER");

      const audit = new AuditPage(page);
      await audit.goto("?action=USER_ROLE_CHANGED");
      const row = audit.rows().filter({ hasText: sofia.email }).first();
      await expect(row).toContainText(ada.name);
      await expect(row).toContainText('role: "REVIEWER" → "MEMBER"');
      await expect(audit.chain()).toContainText("Chain intact");
    } finally {
      // Sofia is a reviewer for the other tests.
      await trpc(page.request, "admin.setRole", { userId: await userId(page, sofia.email), role: "REVIEWER" });
    }
  });

  test("the price table shows the server's validation message beside the field", async ({ page }) => {
    await signInAs(page, ada.email, ada.password);
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.price("CPU replica").fill("-1");
    await page.getByRole("button", { name: "Save prices" }).click();
    await expect(admin.price("CPU replica")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Some fields need attention")).toBeVisible();
    await page.getByRole("button", { name: "Reset to default (CPU replica)" }).click();
    await expect(admin.price("CPU replica")).toHaveValue("0.23");
    await expectNoSeriousAxeViolations(page);
  });

  test("a reviewer gets a not-found page for the audit viewer", async ({ page }) => {
    await signInAs(page, raj.email, raj.password);
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: /does not exist/ })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});

async function userId(page: Page, email: string): Promise<string> {
  const users = await trpc<{ id: string; email: string }[]>(page.request, "admin.listUsers", undefined, "query");
  return users.find((u) => u.email === email)!.id;
}
