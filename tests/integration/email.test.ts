import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { resetEnvCache } from "~/env";
import { resetMailerForTests } from "~/server/mail";
import { freePort } from "../../scripts/db/server";
import { callerFor, makeTeam, makeUser } from "./helpers";

function useSmtp(port: number | null) {
  if (port === null) delete process.env.SMTP_HOST;
  else {
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(port);
  }
  resetEnvCache();
  resetMailerForTests();
}

afterEach(() => useSmtp(null));

async function submittedUseCase() {
  const team = await makeTeam("Mail");
  const member = await makeUser({ teamSlugs: [team.slug] });
  const { id } = await callerFor(member).useCase.create({ teamId: team.id, title: "Mailed decision", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
  await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["daily-sales-forecast"]!.answers });
  return { id, member };
}

describe("email notifications (optional, SMTP)", () => {
  it("emails the submitter about a review when SMTP is configured", async () => {
    const received: { to: string; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (c: Buffer) => (body += c.toString()));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      const { id, member } = await submittedUseCase();
      useSmtp(port);
      const reviewer = await makeUser({ role: "REVIEWER" });
      await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE", comment: "Ship it" });
      await expect.poll(() => received.find((m) => m.to === member.email), { timeout: 10_000 }).toBeTruthy();
      const mail = received.find((m) => m.to === member.email)!;
      expect(mail.body).toContain(`${reviewer.name} approved Mailed decision v1`);
      expect(mail.body).toContain(`/use-cases/${id}/versions/1`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("never blocks or fails a transition when the mail server is unreachable", async () => {
    const { id } = await submittedUseCase();
    // A free port nobody listens on: connections are refused.
    useSmtp(await freePort());
    const reviewer = await makeUser({ role: "REVIEWER" });
    const started = Date.now();
    const result = await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REJECT", comment: "No" });
    expect(result.status).toBe("REJECTED");
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
