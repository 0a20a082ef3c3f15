import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { db } from "~/server/db";
import type * as AuditModule from "~/server/audit";
import { callerFor, makeTeam, makeUser } from "./helpers";

// The audit writer fails once on demand, to prove the submission and its audit event
// commit together or not at all.
const failNext = vi.hoisted(() => ({ audit: false }));
vi.mock("~/server/audit", async (importOriginal) => {
  const original = await importOriginal<typeof AuditModule>();
  return {
    ...original,
    writeAuditEvent: async (...args: Parameters<typeof original.writeAuditEvent>) => {
      if (failNext.audit) {
        failNext.audit = false;
        throw new Error("audit store unavailable");
      }
      return original.writeAuditEvent(...args);
    },
  };
});

describe("submission atomicity", () => {
  it("stores nothing when the audit event cannot be written, and succeeds on retry", async () => {
    const team = await makeTeam("Atomic");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const caller = callerFor(member);
    const { id } = await caller.useCase.create({
      teamId: team.id,
      title: "Atomic submit",
      description: "",
      owner: "",
      modelRepoUrl: "",
      dashboardUrl: "",
      tags: [],
    });
    const input = { id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers };

    failNext.audit = true;
    await expect(caller.useCase.submit(input)).rejects.toThrow();
    expect(await db.decisionVersion.count({ where: { useCaseId: id } })).toBe(0);
    expect(await db.useCase.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", revision: 1 });

    expect(await caller.useCase.submit(input)).toEqual({ versionNumber: 1 });
    expect(await db.decisionVersion.count({ where: { useCaseId: id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "DECISION_SUBMITTED", payload: { path: ["useCaseId"], equals: id } } })).toBe(1);
  });
});
