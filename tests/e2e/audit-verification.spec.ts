import pg from "pg";
import { expect, test } from "./fixtures";
import { AuditPage } from "./pages/admin-pages";
import { expectNoSeriousAxeViolations } from "./support/axe";

// Both tests look at the latest full verification, which is one for the whole portal.
test.describe.configure({ mode: "serial" });

test.describe("verifying the audit chain from the audit page", () => {
  test("shows the latest check of new events, and runs a full verification from the keyboard, kept after a reload and audited", async ({ page, users }) => {
    // Two page loads, a verification, axe and a filtered view: more than the default budget on a busy machine.
    test.slow();
    const admin = await users.create({ role: "ADMIN" });
    await admin.signIn(page);
    const audit = new AuditPage(page);
    await audit.goto();
    const chain = audit.chain();
    // Opening the page checked the events since the latest anchor, and says who, when and how far.
    await expect(chain.getByTestId("chain-new")).toContainText(/Chain intact through event #[\d,]+/);
    await expect(chain.getByTestId("chain-new")).toContainText(`by ${admin.name}`);
    await expect(chain.getByTestId("chain-head")).toHaveText(/^[0-9a-f]{64}$/);

    const verify = chain.getByRole("button", { name: "Verify full chain" });
    await verify.focus();
    await page.keyboard.press("Enter");
    const full = chain.getByTestId("chain-full");
    await expect(full).toContainText(/Full chain intact: [\d,]+ events? through event #[\d,]+/, { timeout: 30_000 });
    await expect(full).toContainText(`by ${admin.name}`);
    await expect(verify).toBeEnabled();
    await expectNoSeriousAxeViolations(page);

    // Stored: the result is there after a reload, without verifying again.
    await page.reload();
    await expect(audit.chain().getByTestId("chain-full")).toContainText(`by ${admin.name}`);

    // On the record: started and finished, by the admin.
    await audit.goto("?action=AUDIT_VERIFICATION_FINISHED");
    await expect(audit.rows().filter({ hasText: admin.email }).first()).toContainText("full verification OK");
  });

  test("a full verification running in another app process shows its progress here, then its result", async ({ page, users, serverInfo }) => {
    // A page load, an accessibility scan of the audit page (over a minute on a busy machine: it
    // lists every event the suite wrote) and three polled updates.
    test.setTimeout(180_000);
    const admin = await users.create({ role: "ADMIN" });
    const client = new pg.Client({ connectionString: serverInfo.databaseUrl });
    await client.connect();
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    try {
      // Its target: a chain of 1,000 events (the percentages are what this test reads).
      const head = { seq: "1000", hash: "c".repeat(64) };
      const quarter = BigInt(head.seq) / 4n;
      // What the verifier of another process writes when it starts, and as it goes (its row is all this page reads).
      const { rows: created } = await client.query<{ id: string }>(
        `INSERT INTO "AuditVerification" (id, kind, status, "startedAt", "heartbeatAt", "startedByName", process, anchor, "anchorSeq", "targetSeq", "checkedSeq")
         VALUES ('e2e-' || md5(random()::text), 'FULL', 'RUNNING', now(), now(), 'Nightly job', 'ops-host pid 4242', 'genesis', 0, $1, $2) RETURNING id`,
        [head.seq, quarter.toString()],
      );
      const id = created[0]!.id;
      // A live verifier reports its heartbeat as it goes; without one, a slow page load on a busy
      // machine would (rightly) show the run as interrupted.
      heartbeat = setInterval(() => void client.query(`UPDATE "AuditVerification" SET "heartbeatAt" = now() WHERE id = $1 AND status = 'RUNNING'`, [id]).catch(() => {}), 5_000);

      await admin.signIn(page);
      const audit = new AuditPage(page);
      await audit.goto();
      const full = audit.chain().getByTestId("chain-full");
      const progress = full.getByRole("progressbar", { name: "Full verification progress" });
      // The page loads the verification after hydration: allow a busy machine its time.
      await expect(progress).toHaveAttribute("aria-valuenow", "25", { timeout: 30_000 });
      await expect(full).toContainText(/Verifying the full chain… [\d,]+ of [\d,]+ events \(25%\)/);
      await expect(full).toContainText("Nightly job");
      await expect(audit.chain().getByRole("button", { name: "Verifying full chain…" })).toBeDisabled();
      await expectNoSeriousAxeViolations(page);

      await client.query(`UPDATE "AuditVerification" SET "checkedSeq" = $2, "heartbeatAt" = now() WHERE id = $1`, [id, ((BigInt(head.seq) * 3n) / 4n).toString()]);
      await expect(progress).toHaveAttribute("aria-valuenow", "75");

      await client.query(`UPDATE "AuditVerification" SET status = 'OK', "checkedSeq" = "targetSeq", "headHash" = $2, "finishedAt" = now(), "heartbeatAt" = now() WHERE id = $1`, [id, head.hash]);
      await expect(full).toContainText("Full chain intact: 1,000 events through event #1,000");
      await expect(full).toContainText("by Nightly job");
      await expect(progress).toHaveCount(0);
      await expect(audit.chain().getByRole("button", { name: "Verify full chain" })).toBeEnabled();
    } finally {
      clearInterval(heartbeat);
      await client.end();
    }
  });
  test("a run whose process went quiet shows as interrupted, and the page picks it up again when it reports", async ({ page, users, serverInfo }) => {
    test.slow();
    const admin = await users.create({ role: "ADMIN" });
    const client = new pg.Client({ connectionString: serverInfo.databaseUrl });
    await client.connect();
    let id: string | undefined;
    try {
      // Its last heartbeat was two minutes ago: past the point where the page calls it interrupted.
      // (It is the latest run by its start, which is how the page picks the run it shows.)
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "AuditVerification" (id, kind, status, "startedAt", "heartbeatAt", "startedByName", process, anchor, "anchorSeq", "targetSeq", "checkedSeq")
         VALUES ('e2e-' || md5(random()::text), 'FULL', 'RUNNING', now(), now() - interval '2 minutes', 'Nightly job', 'ops-host pid 4243', 'genesis', 0, 1000, 100) RETURNING id`,
      );
      id = rows[0]!.id;
      await admin.signIn(page);
      const audit = new AuditPage(page);
      await audit.goto();
      const full = audit.chain().getByTestId("chain-full");
      await expect(full).toContainText("did not finish (its process stopped)", { timeout: 30_000 });
      await expect(audit.chain().getByRole("button", { name: "Verify full chain" })).toBeEnabled();

      // The process was only slow: it reports again, and the open page shows its progress without a reload.
      await client.query(`UPDATE "AuditVerification" SET "checkedSeq" = 500, "heartbeatAt" = now() WHERE id = $1`, [id]);
      await expect(full.getByRole("progressbar", { name: "Full verification progress" })).toHaveAttribute("aria-valuenow", "50", { timeout: 15_000 });
      await expect(full).toContainText("Nightly job");
    } finally {
      if (id) await client.query(`UPDATE "AuditVerification" SET status = 'FAILED', "finishedAt" = now(), detail = 'test run ended' WHERE id = $1`, [id]);
      await client.end();
    }
  });
});
