import { expect, type Locator, type Page } from "@playwright/test";

/** The review queue, by roles and labels. */
export class ReviewQueuePage {
  constructor(private readonly page: Page) {}

  async goto(search = "") {
    await this.page.goto(`/review${search}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: /Decisions waiting for review/ });
  }

  row(title: string): Locator {
    return this.table().getByRole("row").filter({ hasText: title });
  }

  async open(title: string) {
    await this.row(title).getByRole("link", { name: title }).click();
    await expect(this.page).toHaveURL(/\/use-cases\/[^/]+\/versions\/\d+\?via=review$/);
  }
}

/** The review panel on a decision page. */
export class ReviewPanel {
  readonly region: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole("region", { name: "Review", exact: true });
  }

  decisionForm() {
    return this.region.getByRole("form", { name: "Review this version" });
  }

  strategySelect() {
    return this.region.getByLabel("Strategy to approve");
  }

  comment() {
    return this.decisionForm().getByRole("textbox");
  }

  approveButton() {
    return this.region.getByRole("button", { name: /^Approve/ });
  }

  requestChangesButton() {
    return this.region.getByRole("button", { name: "Request changes" });
  }

  rejectButton() {
    return this.region.getByRole("button", { name: "Reject" });
  }

  /** The success message focused after an action. */
  flash() {
    return this.region.getByRole("status").filter({ hasText: /notified|Withdrawn/ });
  }

  async requestChanges(comment: string) {
    await this.comment().fill(comment);
    await this.requestChangesButton().click();
    await expect(this.flash()).toContainText("Changes requested");
  }

  comments() {
    return this.region.getByRole("list", { name: "Comments" });
  }

  /** The reviewer's comment made with the decision, shown in the review record. */
  decisionComment() {
    return this.region.getByTestId("review-comment");
  }
}

/** The inbox page and the header's inbox link. */
export class InboxPage {
  constructor(private readonly page: Page) {}

  headerLink() {
    return this.page.getByRole("banner").getByRole("link", { name: /^Inbox/ });
  }

  async goto() {
    await this.page.goto("/inbox");
    await expect(this.page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  }

  list() {
    return this.page.getByRole("list", { name: "Notifications" });
  }

  item(text: string | RegExp): Locator {
    return this.list().getByRole("listitem").filter({ hasText: text });
  }
}
