/**
 * `npm run screenshots`: retakes the README's screenshots (docs/screenshots) from a running portal
 * with the demo data (`npm start` in another terminal; BASE_URL, default http://localhost:3000),
 * at desktop (1366×800) and phone (390×844) sizes, in Debian's Chromium (CHROMIUM_PATH).
 * It signs in as the demo accounts and reaches every page through the portal's own links, so a
 * page that cannot be reached that way fails the run with the step that broke.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS } from "../prisma/demo-users";

const base = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const out = join(import.meta.dirname, "..", "docs", "screenshots");
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };

type Size = typeof DESKTOP;
interface Shot {
  file: string;
  /** Demo account's email, or null for a signed-out page. */
  as: string | null;
  size: Size;
  /** Goes to the page and waits until it shows what the picture is about. */
  open: (page: Page) => Promise<void>;
  /** The whole page rather than the first screen. */
  fullPage?: boolean;
}

async function openUseCase(page: Page, title: string): Promise<string> {
  await page.goto(`${base}/use-cases`);
  await page.getByRole("link", { name: title }).first().click();
  await page.waitForURL(/\/use-cases\/[^/]+$/);
  return new URL(page.url()).pathname;
}

async function latestVersion(page: Page, title: string): Promise<void> {
  const overview = await openUseCase(page, title);
  const href = await page.locator(`a[href^="${overview}/versions/"]`).first().getAttribute("href");
  if (!href) throw new Error(`${title}: no version link on its overview`);
  await page.goto(`${base}${href}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

async function questionnaire(page: Page, title: string): Promise<void> {
  const overview = await openUseCase(page, title);
  await page.goto(`${base}${overview}/edit`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  // The live recommendation (rendered on the server, from the saved draft) is on the page.
  await page.getByTestId("live-recommended").first().waitFor();
}

const shots: Shot[] = [
  { file: "sign-in.png", as: null, size: DESKTOP, open: async (p) => void (await p.goto(`${base}/signin`)) },
  { file: "home-member.png", as: "maya@servewise.test", size: DESKTOP, open: async (p) => void (await p.goto(`${base}/`)) },
  { file: "questionnaire.png", as: "maya@servewise.test", size: DESKTOP, open: (p) => questionnaire(p, "Fraud detection at checkout") },
  { file: "decision.png", as: "maya@servewise.test", size: DESKTOP, open: (p) => latestVersion(p, "Large-document OCR") },
  {
    file: "review.png",
    as: "raj@servewise.test",
    size: DESKTOP,
    open: async (p) => {
      await p.goto(`${base}/review`);
      await p.getByRole("main").locator('a[href*="/versions/"]').first().click();
      await p.getByRole("heading", { level: 1 }).waitFor();
    },
  },
  { file: "decision-log.png", as: "raj@servewise.test", size: DESKTOP, open: async (p) => void (await p.goto(`${base}/decision-log`)) },
  { file: "admin.png", as: "ada@servewise.test", size: DESKTOP, open: async (p) => void (await p.goto(`${base}/admin`)) },
  { file: "phone-home.png", as: "maya@servewise.test", size: PHONE, open: async (p) => void (await p.goto(`${base}/`)) },
  { file: "phone-questionnaire.png", as: "maya@servewise.test", size: PHONE, open: (p) => questionnaire(p, "Fraud detection at checkout") },
  { file: "phone-decision.png", as: "maya@servewise.test", size: PHONE, open: (p) => latestVersion(p, "Large-document OCR") },
];

async function signIn(page: Page, email: string): Promise<void> {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a demo account`);
  await page.goto(`${base}/signin`);
  await page.getByLabel("Work email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

async function take(browser: Browser, shot: Shot): Promise<void> {
  const context = await browser.newContext({ viewport: shot.size, deviceScaleFactor: 1, reducedMotion: "reduce" });
  const page = await context.newPage();
  try {
    if (shot.as) await signIn(page, shot.as);
    await shot.open(page);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(out, shot.file), fullPage: shot.fullPage ?? false });
    console.log(`✔ ${shot.file}`);
  } catch (error) {
    throw new Error(`${shot.file}: ${(error as Error).message}`);
  } finally {
    await context.close();
  }
}

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
try {
  for (const shot of shots) await take(browser, shot);
} finally {
  await browser.close();
}
