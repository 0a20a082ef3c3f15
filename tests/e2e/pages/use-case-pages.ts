import { expect, type Locator, type Page } from "@playwright/test";
import { questionnaire, type AnswerField, type Question } from "~/engine";

export interface NewUseCase {
  title: string;
  description?: string;
  owner?: string;
  tags?: string[];
}

/** "My use cases" and the details form, by roles and labels. */
export class UseCasesPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/use-cases");
    await expect(this.page.getByRole("heading", { level: 1, name: "My use cases" })).toBeVisible();
  }

  async startNew() {
    await this.page.getByRole("link", { name: "New use case" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New use case" })).toBeVisible();
  }

  async fillDetails(details: NewUseCase) {
    await this.page.getByLabel("Title", { exact: true }).fill(details.title);
    if (details.description) await this.page.getByLabel("Description", { exact: true }).fill(details.description);
    if (details.owner) await this.page.getByLabel("Owner", { exact: true }).fill(details.owner);
    if (details.tags) await this.page.getByLabel("Tags", { exact: true }).fill(details.tags.join(","));
  }

  createButton() {
    return this.page.getByRole("button", { name: "Create and start the questionnaire" });
  }

  /** Creates a use case through the form and returns its id (the questionnaire opens). */
  async create(details: NewUseCase): Promise<string> {
    await this.goto();
    await this.startNew();
    await this.fillDetails(details);
    await this.createButton().click();
    await expect(this.page).toHaveURL(/\/use-cases\/[^/]+\/edit$/);
    return new URL(this.page.url()).pathname.split("/")[2]!;
  }

  search() {
    return this.page.getByRole("searchbox", { name: "Search by title or tag" });
  }

  list() {
    return this.page.getByRole("list", { name: "Use cases" });
  }
}

/** The questionnaire: its steps, questions (found from the engine's definition), live panel and save bar. */
export class QuestionnairePage {
  constructor(private readonly page: Page) {}

  question(q: Question): Locator {
    return this.page.getByRole("group", { name: q.label });
  }

  numberInput(q: Question): Locator {
    return this.question(q).getByRole("textbox", { name: q.label, exact: true });
  }

  /** Answers one question: numbers typed as `text` (units allowed), options by their label, null as "I don't know". */
  async answer(q: Question, value: string | number | boolean | null, text?: string) {
    const group = this.question(q);
    if (value === null) {
      await group.getByRole(q.kind === "number" || q.kind === "integer" ? "checkbox" : "radio", { name: "I don't know", exact: true }).check();
    } else if (q.kind === "number" || q.kind === "integer") {
      await this.numberInput(q).fill(text ?? String(value));
    } else {
      const label = q.options!.find((o) => o.value === value)!.label;
      await group.getByRole("radio", { name: label, exact: true }).check();
    }
  }

  /** Answers every question of every step from `answers`, moving on with "Next". */
  async answerAll(answers: Record<AnswerField, string | number | boolean | null>, typed: Partial<Record<AnswerField, string>> = {}) {
    for (const [index, step] of questionnaire.entries()) {
      await expect(this.stepHeading()).toContainText(step.title);
      for (const q of step.questions) await this.answer(q, answers[q.field], typed[q.field]);
      if (index < questionnaire.length - 1) await this.nextButton().click();
    }
  }

  stepHeading() {
    return this.page.getByRole("heading", { level: 2, name: /^Step \d of \d/ });
  }

  async goToStep(title: string) {
    await this.page.getByRole("navigation", { name: "Questionnaire steps" }).getByRole("button", { name: title }).click();
    await expect(this.stepHeading()).toContainText(title);
  }

  nextButton() {
    return this.page.getByRole("button", { name: /^Next:/ });
  }

  livePanel() {
    return this.page.getByRole("complementary", { name: "Live recommendation" });
  }

  liveRecommended() {
    return this.livePanel().getByTestId("live-recommended");
  }

  saveStatus() {
    return this.page.getByTestId("save-status");
  }

  async saveDraft() {
    await this.page.getByRole("button", { name: "Save draft" }).click();
    await expect(this.saveStatus()).toHaveText(/^Saved · \d\d:\d\d$/);
  }

  submitButton() {
    return this.page.getByRole("button", { name: /^Submit for review|^Submitting/ });
  }
}
