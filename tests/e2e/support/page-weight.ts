/**
 * First-load JavaScript of a page, measured as a browser receives it: a fresh browser context
 * (empty cache), the page loaded until the network is idle (so chunks that a page imports
 * dynamically on load count too), and every script response's body as it came over the wire
 * (compressed: `next start` gzips, so this is the response's Content-Length; headers are not
 * counted, as in issue 13's figures). kB are 1,000 bytes, as DevTools shows them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Request } from "@playwright/test";

export interface ScriptTransfer {
  /** The path of the script (`/_next/static/chunks/…`). */
  path: string;
  /** Bytes of the body on the wire (encoded, i.e. compressed). */
  bytes: number;
  /** Bytes of the response's headers (not counted in `bytes`; shown by `npm run analyze`). */
  headerBytes: number;
  /** The response's Content-Encoding ("identity" when none). */
  encoding: string;
}

export interface PageWeight {
  name: string;
  path: string;
  bytes: number;
  scripts: ScriptTransfer[];
}

export interface PageWeightBudget {
  /** Issue 13's goal for every page, in kB: reported, not enforced until every page meets it. */
  targetKb: number;
  /** The budget of a page not named in `pages`, in kB. */
  defaultKb: number;
  /** Budgets by page name, in kB. */
  pages: Record<string, number>;
}

const root = join(import.meta.dirname, "..", "..", "..");

/** page-weight-budget.json at the repository's root. */
export function readBudget(): PageWeightBudget {
  return JSON.parse(readFileSync(join(root, "page-weight-budget.json"), "utf8")) as PageWeightBudget;
}

export function budgetKb(budget: PageWeightBudget, name: string): number {
  return budget.pages[name] ?? budget.defaultKb;
}

export const kb = (bytes: number) => bytes / 1000;

/**
 * Loads `path` in a new context of `browser` (prepared by `prepare`, e.g. signed in) and adds
 * up its scripts' transfers. The context is closed afterwards.
 */
export async function measurePage(
  browser: Browser,
  baseURL: string,
  page: { name: string; path: string },
  prepare: (context: BrowserContext) => Promise<void>,
): Promise<PageWeight> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 800 } });
  try {
    await prepare(context);
    const tab = await context.newPage();
    const finished: Request[] = [];
    tab.on("requestfinished", (request) => {
      if (request.resourceType() === "script") finished.push(request);
    });
    const response = await tab.goto(page.path, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${page.path} answered ${response?.status()}`);
    if (new URL(tab.url()).pathname !== new URL(page.path, baseURL).pathname) throw new Error(`${page.path} redirected to ${tab.url()}`);
    const scripts = await Promise.all(
      finished.map(async (request): Promise<ScriptTransfer> => {
        const sizes = await request.sizes();
        const headers = (await request.response())?.headers() ?? {};
        return { path: new URL(request.url()).pathname, bytes: sizes.responseBodySize, headerBytes: sizes.responseHeadersSize, encoding: headers["content-encoding"] ?? "identity" };
      }),
    );
    scripts.sort((a, b) => b.bytes - a.bytes);
    return { ...page, bytes: scripts.reduce((sum, s) => sum + s.bytes, 0), scripts };
  } finally {
    await context.close();
  }
}

/** A plain-text table of the pages' figures against their budgets. */
export function weightTable(weights: readonly PageWeight[], budget: PageWeightBudget, detail = false): string {
  const lines = [`${"page".padEnd(22)} ${"kB".padStart(7)} ${"budget".padStart(7)} ${"target".padStart(7)}  scripts`];
  for (const w of weights) {
    const limit = budgetKb(budget, w.name);
    const note = kb(w.bytes) > limit ? "  OVER BUDGET" : kb(w.bytes) > budget.targetKb ? `  ${(kb(w.bytes) - budget.targetKb).toFixed(1)} kB over target` : "";
    lines.push(
      `${w.name.padEnd(22)} ${kb(w.bytes).toFixed(1).padStart(7)} ${limit.toFixed(0).padStart(7)} ${budget.targetKb.toFixed(0).padStart(7)}  ${String(w.scripts.length).padStart(7)}${note}`,
    );
    if (detail) for (const s of w.scripts) lines.push(`    ${kb(s.bytes).toFixed(1).padStart(7)}  ${s.encoding.padEnd(8)} ${s.path} (+${s.headerBytes} B of headers)`);
  }
  return lines.join("\n");
}
