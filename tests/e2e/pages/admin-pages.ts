import { expect, type Page } from "@playwright/test";

/** The admin page: people, teams and the price table, by roles and labels. */
export class AdminPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin");
    await expect(this.page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  }

  people() {
    return this.page.getByRole("table", { name: "People, their roles, teams and status" });
  }

  roleOf(name: string) {
    return this.page.getByRole("combobox", { name: `Role of ${name}` });
  }

  notice() {
    return this.page.getByRole("region", { name: /People/ }).getByRole("status");
  }

  price(label: string) {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }
}

/** The audit viewer, by roles and labels. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async goto(search = "") {
    await this.page.goto(`/admin/audit${search}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  }

  chain() {
    return this.page.getByRole("region", { name: "Chain verification" });
  }

  table() {
    return this.page.getByRole("table", { name: /^Audit events/ });
  }

  rows() {
    return this.table().getByRole("rowgroup").nth(1).getByRole("row");
  }

  action() {
    return this.page.getByLabel("Action", { exact: true });
  }

  actor() {
    return this.page.getByRole("searchbox", { name: "Actor (name or email)" });
  }

  async apply() {
    const before = this.page.url();
    await this.page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => this.page.url()).not.toBe(before);
  }
}
