import type { Browser, Page } from "@playwright/test";
import { expect, test, uniqueKey, type CompanySso } from "./fixtures";
import { AdminPage } from "./pages/admin-pages";
import { CompanySsoFlow } from "./pages/company-sso-pages";
import { SignInPage } from "./pages/sign-in-page";

// Company SSO against a real OpenID Connect provider: oidc-provider, which tests/e2e/server.ts
// starts on the loopback interface with its own login and consent pages
// (support/oidc-provider.ts). The portal at baseURL has auto-provisioning off; a second one on
// the same database (companySso.provisioningUrl) has it on. Each test adds its own people to
// the provider's directory.

const CALLBACK_PATH = "/api/auth/callback/oidc";
const MESSAGES = {
  deactivated: "This account has been deactivated. Ask a Servewise admin to reactivate it.",
  notProvisioned: "Your company account is not registered in Servewise yet. Ask an admin to add you.",
  callbackRefused: "Signing in with your company account did not complete. Start again from this page.",
};

async function expectSignedOut(page: Page) {
  await page.goto(new URL("/", page.url()).href);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
}

/** The page is the portal's sign-in page with `message`, and nobody is signed in. */
async function expectRefused(page: Page, error: string, message: string) {
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("error") === error);
  await expect(new SignInPage(page).error()).toHaveText(message);
  await expectSignedOut(page);
}

/** A fresh browser (no cookies of the portal's or the provider's) for `run`. */
async function inAnotherBrowser(browser: Browser, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Runs `run` while the page's next authorization request is rewritten by `tamper` on its way to the provider; returns the URL the portal sent. */
async function withTamperedAuthorizationRequest(page: Page, sso: CompanySso, tamper: (url: URL) => void, run: () => Promise<void>): Promise<URL> {
  let sent = undefined as URL | undefined;
  const authorizationEndpoint = new URL("/auth", sso.issuer);
  await page.route(
    (url) => url.origin === authorizationEndpoint.origin && url.pathname === authorizationEndpoint.pathname,
    async (route) => {
      sent = new URL(route.request().url());
      const tampered = new URL(sent);
      tamper(tampered);
      await route.fulfill({ status: 302, headers: { location: tampered.href } });
    },
    { times: 1 },
  );
  await run();
  if (!sent) throw new Error("the portal sent no authorization request");
  return sent;
}

// Each test signs in through the provider's own pages, often in two portals: more than the default
// budget when the machine is busy.
test.describe.configure({ timeout: 90_000 });

test.describe("company SSO through an OpenID Connect provider", () => {
  test("a person signs in on the company's pages and returns to the page they asked for as the Servewise user with their email", async ({
    page,
    users,
    companySso,
  }) => {
    const reviewer = await users.create({ role: "REVIEWER" });
    // The directory spells the address in capitals and has its own display name: the portal
    // maps the identity by email and shows its own user, with that user's role.
    const person = await companySso.addPerson({ email: reviewer.email.toUpperCase(), name: "Directory Name" });
    await page.goto("/signin?callbackUrl=%2Fdecision-log");
    const authorization = page.waitForRequest((r) => r.url().startsWith(new URL("/auth?", companySso.issuer).href));
    await new CompanySsoFlow(page, companySso).signIn(person);
    await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
    await expect(page).toHaveURL(/\/decision-log$/);
    await expect(page.getByTestId("current-user")).toContainText(reviewer.name);
    await expect(page.getByTestId("current-user")).not.toContainText("Directory Name");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My use cases", "Review queue", "Decision log"]);

    // What the portal asked the provider for: the code flow with state, PKCE (S256) and a nonce.
    const params = new URL((await authorization).url()).searchParams;
    expect(Object.fromEntries(["response_type", "scope", "code_challenge_method"].map((k) => [k, params.get(k)]))).toEqual({
      response_type: "code",
      scope: "openid email profile",
      code_challenge_method: "S256",
    });
    for (const check of ["state", "code_challenge", "nonce"]) expect(params.get(check), check).toMatch(/^[\w-]{32,}$/);
  });

  test("a deactivated user is refused with a page that says so", async ({ page, users, companySso }) => {
    const former = await users.create({ active: false });
    const person = await companySso.addPerson({ email: former.email });
    await page.goto("/signin");
    await new CompanySsoFlow(page, companySso).signIn(person);
    await expectRefused(page, "AccountDeactivated", MESSAGES.deactivated);
  });

  test("an unknown person is refused while auto-provisioning is off, and no account is made", async ({ page, users, companySso, pageAs }) => {
    const email = `unknown-${uniqueKey()}@e2e.servewise.test`;
    const person = await companySso.addPerson({ email });
    await page.goto("/signin");
    await new CompanySsoFlow(page, companySso).signIn(person);
    await expectRefused(page, "NotProvisioned", MESSAGES.notProvisioned);

    const admin = await pageAs(await users.create({ role: "ADMIN" }));
    await new AdminPage(admin).goto();
    await expect(new AdminPage(admin).people()).not.toContainText(email);
  });

  test("with auto-provisioning on, an unknown person becomes a member with no team", async ({ page, users, companySso, pageAs }) => {
    const key = uniqueKey();
    const email = `newcomer-${key}@e2e.servewise.test`;
    const person = await companySso.addPerson({ email, name: `Noor${key} Newcomer` });
    await page.goto(`${companySso.provisioningUrl}/signin`);
    await new CompanySsoFlow(page, companySso).signIn(person);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, Noor${key}` })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(companySso.provisioningUrl);
    await expect(page.getByRole("main")).toContainText("You are signed in as a team member.");
    await expect(page.getByRole("main")).toContainText("You are not in a team yet.");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My use cases", "Decision log"]);

    // The admin (on the other portal, same database) sees the new person: a team member in no team.
    const admin = await pageAs(await users.create({ role: "ADMIN" }));
    const adminPage = new AdminPage(admin);
    await adminPage.goto();
    const row = adminPage.people().getByRole("row").filter({ hasText: email });
    await expect(row).toContainText(`Noor${key} Newcomer`);
    await expect(adminPage.roleOf(`Noor${key} Newcomer`)).toHaveValue("MEMBER");
    await expect(row).toContainText("No team");
  });
});

test.describe("company SSO: state and nonce", () => {
  test("a callback works once: replayed after sign-out, in another browser or into another sign-in, it is refused", async ({
    page,
    browser,
    users,
    companySso,
  }) => {
    const member = await users.create({ teams: ["new"] });
    const person = await companySso.addPerson({ email: member.email });
    await page.goto("/signin");
    const callback = page.waitForRequest((r) => new URL(r.url()).pathname === CALLBACK_PATH);
    await new CompanySsoFlow(page, companySso).signIn(person);
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome,/ })).toBeVisible();
    const callbackUrl = (await callback).url();
    expect([...new URL(callbackUrl).searchParams.keys()].sort()).toEqual(["code", "iss", "state"]);

    // The same browser after signing out: its state cookie was used up by the first callback.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto(callbackUrl);
    await expectRefused(page, "OAuthCallback", MESSAGES.callbackRefused);

    // Another browser: no state cookie at all.
    await inAnotherBrowser(browser, async (other) => {
      await other.goto(callbackUrl);
      await expectRefused(other, "OAuthCallback", MESSAGES.callbackRefused);
    });

    // Another browser in the middle of a sign-in of its own (login CSRF): the state differs.
    await inAnotherBrowser(browser, async (other) => {
      await other.goto("/signin");
      await new CompanySsoFlow(other, companySso).start();
      await other.goto(callbackUrl);
      await expectRefused(other, "OAuthCallback", MESSAGES.callbackRefused);
    });
  });

  const tampering: [string, (url: URL) => void][] = [
    ["another sign-in's nonce", (url) => url.searchParams.set("nonce", "n-0S6_WzA2Mj-of-another-sign-in")],
    ["no nonce", (url) => url.searchParams.delete("nonce")],
  ];
  for (const [what, tamper] of tampering) {
    test(`an ID token with ${what} is refused`, async ({ page, users, companySso }) => {
      const member = await users.create({ teams: ["new"] });
      const person = await companySso.addPerson({ email: member.email });
      await page.goto("/signin");
      // The provider puts into the ID token the nonce of the authorization request it received:
      // rewriting that request makes the provider issue a token minted for another request.
      const sent = await withTamperedAuthorizationRequest(page, companySso, tamper, () => new CompanySsoFlow(page, companySso).signIn(person));
      expect(sent.searchParams.get("nonce"), "the portal sent a nonce").toMatch(/^[\w-]{32,}$/);
      await expectRefused(page, "OAuthCallback", MESSAGES.callbackRefused);
    });
  }
});
