import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as exportAuditLog } from "~/app/api/export/audit-log/route";
import { GET as exportDecisionLog } from "~/app/api/export/decision-log/route";
import { EXAMPLE_ANSWERS } from "~/engine";
import { callerFor, makeTeam, makeUser } from "./helpers";

function basic(email: string, password: string) {
  return { authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}` };
}

describe("export over HTTP (for scripts: curl -u email:password)", () => {
  it("refuses anonymous callers and wrong passwords with 401", async () => {
    expect((await exportDecisionLog(new Request("http://x/api/export/decision-log"))).status).toBe(401);
    const user = await makeUser({ password: "right-password" });
    expect((await exportDecisionLog(new Request("http://x/api/export/decision-log", { headers: basic(user.email, "wrong") }))).status).toBe(401);
  });

  it("streams the filtered CSV a member may see, with the row count header", async () => {
    const team = await makeTeam("Http");
    const member = await makeUser({ password: "member-pass", teamSlugs: [team.slug] });
    const { id } = await callerFor(member).useCase.create({ teamId: team.id, title: "HTTP export row", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: ["http-export"] });
    await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["monthly-reporting"]!.answers });
    const response = await exportDecisionLog(new Request("http://x/api/export/decision-log?format=csv&q=http-export", { headers: basic(member.email, "member-pass") }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="servewise-decision-log-\d{8}\.csv"/);
    expect(response.headers.get("x-row-count")).toBe("1");
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.use_case, r.team, r.recommended_strategy])).toEqual([["HTTP export row", team.name, "batch"]]);
  });

  it("answers 400 with field errors for a bad filter, and 403 for a member exporting the audit log", async () => {
    const member = await makeUser({ password: "member-pass" });
    const bad = await exportDecisionLog(new Request("http://x/api/export/decision-log?format=csv&from=last-week", { headers: basic(member.email, "member-pass") }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { from: ["Use a date like 2026-11-28."] } });
    expect((await exportAuditLog(new Request("http://x/api/export/audit-log", { headers: basic(member.email, "member-pass") }))).status).toBe(403);
  });

  it("lets an admin export the audit trail as JSON Lines", async () => {
    const admin = await makeUser({ role: "ADMIN", password: "admin-pass" });
    const response = await exportAuditLog(new Request("http://x/api/export/audit-log?format=jsonl&action=USER_ROLE_CHANGED", { headers: basic(admin.email, "admin-pass") }));
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { action: string; hash: string });
    expect(lines.every((l) => l.action === "USER_ROLE_CHANGED" && /^[0-9a-f]{64}$/.test(l.hash))).toBe(true);
    expect(response.headers.get("x-row-count")).toBe(String(lines.length));
  });
});
