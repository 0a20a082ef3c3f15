import { EXAMPLE_ANSWERS, type Answers } from "~/engine";
import { expect, test, unique, type TestUser, type UserFactory } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expectNoHorizontalOverflow, isPhone, Navigation } from "./support/layout";

/**
 * Every page, as the role that uses it, at both sizes (the desktop project at 1366×800 and the
 * phone project at 390×844, which runs the tests tagged @phone): the page is no wider than the
 * screen, axe finds nothing serious or critical, and the navigation is usable (on a phone: the
 * menu opens, shows the role's links and "Sign out", and Escape closes it).
 */

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!;
const answersV2: Answers = { ...fraud.answers, peakRequestsPerSecond: (fraud.answers.peakRequestsPerSecond ?? 400) * 2 };

type Role = "member" | "reviewer" | "admin";

const LINKS: Record<Role, string[]> = {
  member: ["My use cases", "Decision log"],
  reviewer: ["My use cases", "Review queue", "Decision log"],
  admin: ["My use cases", "Review queue", "Decision log", "Admin"],
};

/** A use case with two versions: v1 sent back with a comment, v2 waiting for review — so every page has something to show. */
interface World {
  member: TestUser;
  reviewer: TestUser;
  admin: TestUser;
  useCaseId: string;
  title: string;
}

async function makeWorld(users: UserFactory): Promise<World> {
  const [member, reviewer, admin] = await Promise.all([
    users.create({ name: "Maya", teams: ["new"] }),
    users.create({ name: "Raj", role: "REVIEWER" }),
    users.create({ name: "Ada", role: "ADMIN" }),
  ]);
  const title = unique("Checkout fraud scoring with a long title that wraps on a phone");
  const useCaseId = await member.submitNew({ title, description: fraud.description, tags: ["fraud", "checkout", "payments-risk-team"] }, fraud.answers);
  await reviewer.decide({ useCaseId, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "What is the peak load on sale days? We need the real figure." });
  const { revision } = await (await member.api()).query<{ revision: number }>("useCase.get", { id: useCaseId });
  await member.submit(useCaseId, answersV2, revision);
  return { member, reviewer, admin, useCaseId, title };
}

interface PageCase {
  name: string;
  as: Role | "anonymous";
  path: (w: World) => string;
  heading: string | RegExp;
}

const PAGES: PageCase[] = [
  { name: "home", as: "member", path: () => "/", heading: /^Welcome,/ },
  { name: "my use cases", as: "member", path: () => "/use-cases", heading: "My use cases" },
  { name: "new use case", as: "member", path: () => "/use-cases/new", heading: "New use case" },
  { name: "use case overview", as: "member", path: (w) => `/use-cases/${w.useCaseId}`, heading: /Checkout fraud scoring/ },
  { name: "questionnaire", as: "member", path: (w) => `/use-cases/${w.useCaseId}/edit`, heading: /Checkout fraud scoring|Questionnaire|answers/i },
  { name: "edit details", as: "member", path: (w) => `/use-cases/${w.useCaseId}/details`, heading: "Edit details" },
  { name: "decision version (reviewer)", as: "reviewer", path: (w) => `/use-cases/${w.useCaseId}/versions/2`, heading: /Checkout fraud scoring/ },
  { name: "decision version (member)", as: "member", path: (w) => `/use-cases/${w.useCaseId}/versions/1`, heading: /Checkout fraud scoring/ },
  { name: "compare versions", as: "reviewer", path: (w) => `/use-cases/${w.useCaseId}/compare?from=1&to=2`, heading: "Compare versions" },
  { name: "review queue", as: "reviewer", path: () => "/review", heading: "Review queue" },
  { name: "decision log", as: "reviewer", path: () => "/decision-log", heading: "Decision log" },
  { name: "inbox", as: "member", path: () => "/inbox", heading: "Inbox" },
  { name: "audit trail", as: "admin", path: () => "/admin/audit", heading: "Audit trail" },
  { name: "admin", as: "admin", path: () => "/admin", heading: "Admin" },
  { name: "account", as: "member", path: () => "/account", heading: /account/i },
  { name: "not found (signed in)", as: "member", path: (w) => `/use-cases/${w.useCaseId}/versions/99`, heading: /does not exist/ },
  { name: "not found (signed out)", as: "anonymous", path: () => "/no-such-page", heading: /does not exist/ },
  { name: "sign-in", as: "anonymous", path: () => "/signin", heading: "Sign in to Servewise" },
];

test.describe("every page at this screen size", { tag: "@phone" }, () => {
  for (const p of PAGES) {
    test(`${p.name}: fits the screen, has no serious axe violations, and its navigation works`, async ({ page, users }, testInfo) => {
      // A fresh world, two layout checks and an axe scan. The admin page lists every user the
      // suite made (hundreds, unpaginated), and axe reads every control: up to 3 min on a phone.
      test.setTimeout(p.name === "admin" ? 300_000 : 180_000);
      const world = p.as === "anonymous" ? null : await makeWorld(users);
      if (world && p.as !== "anonymous") await world[p.as].signIn(page);
      await page.goto(world ? p.path(world) : p.path({} as World));
      await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
      await page.waitForLoadState("networkidle");

      await expectNoHorizontalOverflow(page);
      await expectNoSeriousAxeViolations(page);
      if (p.as !== "anonymous" && !/not found \(signed out\)/.test(p.name)) {
        await new Navigation(page, isPhone(testInfo)).expectUsable(LINKS[p.as]);
        await expectNoHorizontalOverflow(page);
      }
    });
  }
});
