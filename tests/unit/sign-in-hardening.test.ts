/**
 * The pure parts of sign-in hardening: callback paths that cannot leave the site, the retry
 * sentence, growing lockouts, client addresses (a proxy is believed only when configured),
 * same-site requests, and the Content-Security-Policy.
 */
import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "~/features/account/sign-in-messages";
import { safeCallbackPath } from "~/lib/callback-path";
import { tooManyAttemptsCode } from "~/lib/sign-in-errors";
import { contentSecurityPolicy } from "~/proxy";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "~/server/auth/client-address";
import { isSameSiteRequest } from "~/server/auth/request-actor";
import { lockSeconds, SIGN_IN_POLICIES } from "~/server/auth/sign-in-throttle";

describe("callback paths after sign-in", () => {
  it.each([
    "/.//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/..//evil.example",
    "/./%2e/.//evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it.each([
    ["/decision-log?q=fraud&status=APPROVED", "/decision-log?q=fraud&status=APPROVED"],
    ["/use-cases/abc/versions/2", "/use-cases/abc/versions/2"],
    ["/review/../decision-log", "/decision-log"],
    ["/a/./b", "/a/b"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});

describe("too many attempts", () => {
  it("tells the user when to retry", () => {
    expect(signInErrorMessage(tooManyAttemptsCode(60))).toBe("Too many attempts — try again in 1 minute.");
    expect(signInErrorMessage(tooManyAttemptsCode(58.4))).toBe("Too many attempts — try again in 1 minute.");
    expect(signInErrorMessage(tooManyAttemptsCode(119.2))).toBe("Too many attempts — try again in 2 minutes.");
    expect(signInErrorMessage(tooManyAttemptsCode(30))).toBe("Too many attempts — try again in 30 seconds.");
    expect(signInErrorMessage(tooManyAttemptsCode(4 * 3600))).toBe("Too many attempts — try again in 4 hours.");
  });

  it("doubles each lockout of the day up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => lockSeconds(SIGN_IN_POLICIES.account, n))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    expect(lockSeconds(SIGN_IN_POLICIES.address, 1)).toBe(300);
  });
});

describe("client address", () => {
  const stamped = (extra: Record<string, string> = {}) => new Headers({ [CLIENT_ADDRESS_HEADER]: "::ffff:10.1.2.3", ...extra });

  it("is the connection's address unless a proxy is trusted: a forged X-Forwarded-For changes nothing", () => {
    expect(clientAddress(stamped({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("10.1.2.3");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBeNull();
  });

  it("is the entry the outermost trusted proxy appended", () => {
    expect(clientAddress(stamped({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }), 1)).toBe("198.51.100.7");
    expect(clientAddress(stamped({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" }), 2)).toBe("198.51.100.7");
    expect(clientAddress(stamped(), 1)).toBe("10.1.2.3");
    expect(clientAddress(stamped({ "x-forwarded-for": "[2001:DB8::1]" }), 1)).toBe("2001:db8::1");
    expect(clientAddress(stamped({ "x-forwarded-for": "198.51.100.7:51234" }), 1)).toBe("198.51.100.7");
  });

  it("is never text that is not an address", () => {
    expect(clientAddress(stamped({ "x-forwarded-for": "<script>, x".repeat(20) }), 1)).toBe("10.1.2.3");
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "not an address" }), 0)).toBeNull();
  });
});

describe("same-site requests", () => {
  const request = (headers: Record<string, string>) => new Request("http://portal.test/api/export/decision-log", { headers: { host: "portal.test", ...headers } });

  it("accepts the site's own requests and typed addresses, refuses other sites", () => {
    expect(isSameSiteRequest(request({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameSiteRequest(request({ "sec-fetch-site": "none" }))).toBe(true);
    expect(isSameSiteRequest(request({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameSiteRequest(request({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameSiteRequest(request({ referer: "http://portal.test/decision-log" }))).toBe(true);
    expect(isSameSiteRequest(request({ referer: "https://evil.example/" }))).toBe(false);
    expect(isSameSiteRequest(request({ origin: "null" }))).toBe(false);
    expect(isSameSiteRequest(request({}))).toBe(true);
  });
});

describe("Content-Security-Policy", () => {
  it("allows scripts by nonce only, and eval only in development", () => {
    const production = contentSecurityPolicy("abc123", false);
    expect(production).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(production).not.toContain("unsafe-eval");
    expect(production).toContain("object-src 'none'");
    expect(production).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });
});
