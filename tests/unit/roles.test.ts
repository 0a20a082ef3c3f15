import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInErrorMessage } from "~/features/account/sign-in-messages";
import { hasRole, navigationFor, ROLES, type Role } from "~/lib/roles";

describe("role guards", () => {
  const table: [Role, Role, boolean][] = [
    ["MEMBER", "MEMBER", true],
    ["MEMBER", "REVIEWER", false],
    ["MEMBER", "ADMIN", false],
    ["REVIEWER", "MEMBER", true],
    ["REVIEWER", "REVIEWER", true],
    ["REVIEWER", "ADMIN", false],
    ["ADMIN", "MEMBER", true],
    ["ADMIN", "REVIEWER", true],
    ["ADMIN", "ADMIN", true],
  ];
  it.each(table)("%s may use %s procedures: %s", (actual, required, allowed) => {
    expect(hasRole(actual, required)).toBe(allowed);
  });

  it("covers every pair of roles", () => {
    expect(table).toHaveLength(ROLES.length ** 2);
  });

  it("shows each role exactly the navigation it may use", () => {
    expect(navigationFor("MEMBER").map((i) => i.label)).toEqual(["My use cases", "Decision log"]);
    expect(navigationFor("REVIEWER").map((i) => i.label)).toEqual(["My use cases", "Review queue", "Decision log"]);
    expect(navigationFor("ADMIN").map((i) => i.label)).toEqual(["My use cases", "Review queue", "Decision log", "Admin"]);
  });
});

describe("sign-in page helpers", () => {
  it("only redirects to same-site paths after sign-in", () => {
    expect(safeCallbackPath("/review?team=x")).toBe("/review?team=x");
    expect(safeCallbackPath("https://evil.example.com/steal")).toBe("/");
    expect(safeCallbackPath("//evil.example.com")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
  });

  it("explains each sign-in failure in a sentence", () => {
    expect(signInErrorMessage("InvalidCredentials")).toMatch(/do not match/);
    expect(signInErrorMessage("AccountDeactivated")).toMatch(/deactivated/);
    expect(signInErrorMessage("NotProvisioned")).toMatch(/not registered/);
    expect(signInErrorMessage("OAuthCallback")).toMatch(/company account did not complete/);
    expect(signInErrorMessage(null)).toBeNull();
  });
});
