import { EXAMPLE_ANSWERS } from "~/engine";
import { expect, test, uniqueKey } from "./fixtures";
import { AuditPage } from "./pages/admin-pages";
import { DecisionLogPage } from "./pages/log-page";

/**
 * The long lists page in the URL, rendered on the server: the next and previous pages are
 * links, so a page can be shared and the back button works.
 */
test.describe("paging through long lists", () => {
  test("the decision log and the audit trail page forward and back in the URL, keeping their filters", async ({ page, users }) => {
    test.slow(); // 51 decisions submitted through the API first
    const tag = `paging-${uniqueKey()}`;
    const maya = await users.create({ name: "Maya", teams: ["new"] });
    const answers = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
    for (let i = 0; i < 51; i++) await maya.submitNew({ title: `Paged ${String(i).padStart(2, "0")} ${tag}`, tags: [tag] }, answers);
    await maya.signIn(page);

    const log = new DecisionLogPage(page);
    await log.goto(`?q=${tag}&sort=title&dir=asc`);
    const range = page.getByTestId("log-range");
    await expect(range).toHaveText("Rows 1–50");
    await expect(page.getByText("← Previous page")).toHaveAttribute("aria-disabled", "true");
    await page.getByRole("link", { name: "Next page →" }).click();
    await expect(range).toHaveText("Rows 51–51 (the last page)");
    expect(await log.titles()).toEqual([`Paged 50 ${tag}`]);
    expect(new URL(page.url()).searchParams.get("q")).toBe(tag);

    await page.getByRole("link", { name: "← Previous page" }).click();
    await expect(range).toHaveText("Rows 1–50");
    expect((await log.titles())[0]).toBe(`Paged 00 ${tag}`);
    await page.goBack();
    await expect(range).toHaveText("Rows 51–51 (the last page)");

    // The audit trail holds over 100 of Maya's events (a creation and a submission each, her sign-ins): three pages.
    const admin = await users.create({ role: "ADMIN" });
    await admin.signIn(page);
    const audit = new AuditPage(page);
    await audit.goto(`?actor=${encodeURIComponent(maya.email)}`);
    const pages = page.getByRole("navigation", { name: "Audit event pages" });
    const summary = pages.getByRole("paragraph");
    const newest = (await summary.textContent())!;
    await expect(pages.getByText("Newest events", { exact: true })).toHaveAttribute("aria-disabled", "true");
    await expect(pages.getByText("← Newer events", { exact: true })).toHaveAttribute("aria-disabled", "true");
    await pages.getByRole("link", { name: "Older events →" }).click();
    await expect(summary).not.toHaveText(newest);
    await pages.getByRole("link", { name: "Older events →" }).click();
    await expect(summary).toContainText("the oldest matching event is shown");
    await expect(pages.getByText("Older events →", { exact: true })).toHaveAttribute("aria-disabled", "true");
    expect(await audit.rows().count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("actor")).toBe(maya.email);
    await pages.getByRole("link", { name: "← Newer events" }).click();
    await pages.getByRole("link", { name: "← Newer events" }).click();
    await expect(summary).toHaveText(newest);
    await expect(pages.getByText("← Newer events", { exact: true })).toHaveAttribute("aria-disabled", "true");
  });
});
