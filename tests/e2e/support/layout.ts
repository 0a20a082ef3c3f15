import { expect, type Page, type TestInfo } from "@playwright/test";

/** True in the phone project (390×844, touch): the layout under test is the small-screen one. */
export const isPhone = (testInfo: TestInfo) => testInfo.project.name === "phone";

/**
 * Fails when the document is wider than the viewport (the page scrolls sideways), naming the
 * widest elements that stick out — those not inside a scroll container of their own.
 */
export async function expectNoHorizontalOverflow(page: Page) {
  const result = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const scrolls = (el: Element) => /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX);
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
      return false;
    };
    if (scrollWidth <= width) return { width, scrollWidth, culprits: [] };
    const describe = (el: Element, right: number) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join(".")}` : "";
      const text = (el.textContent ?? "").trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}" → right edge ${Math.round(right)} px`;
    };
    const culprits: string[] = [];
    // Elements, and text that overflows its element (a long word, an address).
    for (const el of document.body.querySelectorAll("*")) {
      const right = el.getBoundingClientRect().right;
      if (right > width + 1 && !inScroller(el)) culprits.push(describe(el, right));
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      if (right > width + 1 && node.parentElement && !inScroller(node.parentElement)) culprits.push(`text in ${describe(node.parentElement, right)}`);
    }
    culprits.splice(0, Math.max(0, culprits.length - 6));
    return { width, scrollWidth, culprits };
  });
  const viewport = page.viewportSize()!;
  expect(result.width, "the layout viewport is the window's width, less a scroll bar").toBeLessThanOrEqual(viewport.width);
  expect(result.scrollWidth, `the page is wider than the viewport; sticking out: ${result.culprits.join("; ")}`).toBeLessThanOrEqual(result.width);
}

/** The header's navigation, as a person on this screen size uses it. */
export class Navigation {
  constructor(
    private readonly page: Page,
    private readonly phone: boolean,
  ) {}

  nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  menuButton() {
    return this.page.getByRole("banner").getByRole("button", { name: "Menu" });
  }

  signOut() {
    return this.page.getByRole("banner").getByRole("button", { name: "Sign out" });
  }

  /** On a phone: opens the menu. On a desktop: nothing to open, the links are in the header. */
  async open() {
    if (!this.phone) return;
    await expect(this.menuButton()).toHaveAttribute("aria-expanded", "false");
    await this.menuButton().click();
    await expect(this.menuButton()).toHaveAttribute("aria-expanded", "true");
  }

  /** On a phone: closes the open menu with Escape, as a person would. On a desktop: nothing. */
  async close() {
    if (!this.phone) return;
    await this.page.keyboard.press("Escape");
    await expect(this.menuButton()).toHaveAttribute("aria-expanded", "false");
  }

  /** Follows a link of the main navigation as a person does: on a phone, through the menu. */
  async follow(name: string) {
    if (this.phone && (await this.menuButton().getAttribute("aria-expanded")) !== "true") await this.open();
    await this.nav().getByRole("link", { name, exact: true }).click();
  }

  /**
   * The links of the role and "Sign out" are visible inside the viewport (after opening the menu
   * on a phone); on a phone, Escape closes the menu and gives focus back to its button.
   */
  async expectUsable(links: string[]) {
    if (this.phone) {
      await expect(this.nav().getByRole("link", { name: links[0], exact: true })).toBeHidden();
      await this.open();
    } else {
      await expect(this.menuButton()).toBeHidden();
    }
    for (const name of links) await expect(this.nav().getByRole("link", { name, exact: true })).toBeInViewport();
    await expect(this.signOut()).toBeInViewport({ ratio: 1 });
    if (this.phone) {
      await this.page.keyboard.press("Escape");
      await expect(this.menuButton()).toHaveAttribute("aria-expanded", "false");
      await expect(this.menuButton()).toBeFocused();
      await expect(this.nav().getByRole("link", { name: links[0], exact: true })).toBeHidden();
    }
  }
}
