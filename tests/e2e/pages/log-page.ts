import { expect, type Locator, type Page } from "@playwright/test";

/** The decision log, by roles and labels. */
export class DecisionLogPage {
  constructor(private readonly page: Page) {}

  async goto(search = "") {
    await this.page.goto(`/decision-log${search}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
  }

  filters() {
    return this.page.getByRole("form", { name: "Filter the log" });
  }

  search() {
    return this.page.getByRole("searchbox", { name: "Search title or tag" });
  }

  team() {
    return this.page.getByLabel("Team", { exact: true });
  }

  status() {
    return this.page.getByLabel("Status", { exact: true });
  }

  override() {
    return this.page.getByLabel("Override", { exact: true });
  }

  async apply() {
    const before = this.page.url();
    await this.page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => this.page.url()).not.toBe(before);
  }

  table(): Locator {
    return this.page.getByRole("table", { name: /^Decision versions/ });
  }

  /** The body's rows (the header row left out). */
  rows(): Locator {
    return this.table().getByRole("rowgroup").nth(1).getByRole("row");
  }

  /** The titles of the rows shown, in order. */
  async titles(): Promise<string[]> {
    return this.rows().getByRole("rowheader").getByRole("link").allTextContents();
  }

  columnHeader(name: string) {
    return this.table().getByRole("columnheader", { name });
  }

  sortBy(name: string) {
    return this.table().getByRole("link", { name, exact: true }).click();
  }

  exportButton(format: "CSV" | "JSON Lines" | "Excel") {
    return this.page.getByRole("group", { name: "Export decisions" }).getByRole("button", { name: format, exact: true });
  }
}
