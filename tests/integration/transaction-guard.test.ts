import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { getCurrentPrices } from "~/features/admin/queries";
import { db, getPool, GlobalClientInTransactionError, inTransaction } from "~/server/db";
import { callerFor, makeTeam, makeUser } from "./helpers";

// One client per transaction: inside db.$transaction(async (tx) => …) the global client
// refuses to run, so a helper that forgets to take `tx` fails loudly in every test instead of
// taking a second connection (a deadlock on one backend, pool starvation under load).
describe("one client per transaction", () => {
  it("refuses the global client inside an open transaction, naming what was used", async () => {
    const attempt = db.$transaction(async (tx) => {
      await tx.user.count();
      return db.user.count();
    });
    await expect(attempt).rejects.toBeInstanceOf(GlobalClientInTransactionError);
    await expect(db.$transaction(async () => db.user.count())).rejects.toThrow(/db\.user was used inside db\.\$transaction\(\)/);
  });

  it("refuses a helper that reads through the global client, and accepts it given tx", async () => {
    await expect(db.$transaction(async () => getCurrentPrices(db))).rejects.toBeInstanceOf(GlobalClientInTransactionError);
    const prices = await db.$transaction(async (tx) => getCurrentPrices(tx));
    expect(prices.gpuReplicaHourUsd).toBeGreaterThan(0);
  });

  it("refuses a nested transaction and the raw pool inside one", async () => {
    await expect(db.$transaction(async () => db.$transaction(async (inner) => inner.user.count()))).rejects.toBeInstanceOf(
      GlobalClientInTransactionError,
    );
    await expect(db.$transaction(async () => getPool().query("SELECT 1"))).rejects.toBeInstanceOf(GlobalClientInTransactionError);
  });

  it("rolls the transaction back when the guard fires", async () => {
    const team = await makeTeam("Guard");
    await expect(
      db.$transaction(async (tx) => {
        await tx.team.update({ where: { id: team.id }, data: { description: "changed inside" } });
        await db.team.findMany();
      }),
    ).rejects.toBeInstanceOf(GlobalClientInTransactionError);
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).description).toBe("");
  });

  it("lets work that outlives its transaction use the global client once it has closed", async () => {
    let release!: () => void;
    const closed = new Promise<void>((resolve) => (release = resolve));
    let later: Promise<number> | undefined;
    await db.$transaction(async (tx) => {
      expect(inTransaction()).toBe(true);
      // Started inside the transaction, run after it has committed.
      later = closed.then(() => db.user.count());
      return tx.user.count();
    });
    expect(inTransaction()).toBe(false);
    release();
    await expect(later).resolves.toBeGreaterThanOrEqual(0);
  });

  it("keeps the batch form and plain reads working", async () => {
    const [users, teams] = await db.$transaction([db.user.count(), db.team.count()]);
    expect(users).toBeGreaterThanOrEqual(0);
    expect(teams).toBeGreaterThanOrEqual(0);
  });

  it("submits, re-evaluates and changes prices through the transaction's own client", async () => {
    const team = await makeTeam("GuardFlow");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const admin = await makeUser({ role: "ADMIN" });
    const caller = callerFor(member);
    const { id } = await caller.useCase.create({ teamId: team.id, title: "Guarded submit", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    const submitted = await caller.useCase.submit({
      id,
      expectedRevision: 1,
      idempotencyKey: randomUUID(),
      answers: EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers,
    });
    expect(submitted.versionNumber).toBe(1);
    const current = await callerFor(admin).admin.getPrices();
    const saved = await callerFor(admin).admin.updatePrices({ prices: { ...current.prices, gpuReplicaHourUsd: current.prices.gpuReplicaHourUsd + 0.01 } });
    expect(saved.changed).toEqual(["gpuReplicaHourUsd"]);
    await callerFor(admin).admin.updatePrices({ prices: current.prices });
  });
});
