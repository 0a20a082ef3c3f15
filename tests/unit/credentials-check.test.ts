import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signInSchema } from "~/lib/credentials";
import { signInFieldErrors } from "~/lib/credentials-check";

/** What the server's schema says about a pair, as the form's field messages (first per field). */
function serverErrors(email: string, password: string) {
  const parsed = signInSchema.safeParse({ email, password });
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    out[field] ??= issue.message;
  }
  return out;
}

describe("the sign-in form's own check (no zod in the page)", () => {
  it("says what the server's schema says, with its messages", () => {
    const cases: [string, string][] = [
      ["", ""],
      ["maya@example.com", "secret"],
      ["maya@example", "x"],
      ["maya.@example.com", "x"],
      [".maya@example.com", "x"],
      ["maya@@example.com", "x"],
      ["o'brien+tag@mail.example.co.uk", "x"],
      [`${"a".repeat(250)}@example.com`, "x"],
      ["maya@example.com", "p".repeat(201)],
      ["maya@example.com", "p".repeat(200)],
      [" maya@example.com", "x"],
    ];
    for (const [email, password] of cases) expect(signInFieldErrors(email, password), `${email} / ${password.length}`).toEqual(serverErrors(email, password));
  });

  it("agrees with the schema on any input", () => {
    const local = fc.stringMatching(/^[A-Za-z0-9_'+.-]{0,12}$/);
    const domain = fc.stringMatching(/^[A-Za-z0-9.-]{0,12}$/);
    const email = fc.oneof(fc.string(), fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`));
    fc.assert(
      fc.property(email, fc.string({ maxLength: 210 }), (e, p) => {
        expect(signInFieldErrors(e, p)).toEqual(serverErrors(e, p));
      }),
      { numRuns: 500 },
    );
  });
});
