/**
 * Runs the built portal (`next start`, the production build `npm test` makes first) against
 * a database of the test's choosing, on a free port, in its own process group so that stop()
 * leaves no process behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../../scripts/db/server";

export const root = join(import.meta.dirname, "..", "..", "..");

export interface RunningApp {
  url: string;
  port: number;
  process: ChildProcess;
  /** What the server printed (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export const TEST_SECRET = "system-tests-secret-0123456789abcdefghij";

export async function startApp(options: { databaseUrl: string; env?: Record<string, string>; port?: number }): Promise<RunningApp> {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first (npm test does).");
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  // SERVEWISE_APP_CPU_PROF=<dir> writes a V8 CPU profile of the server when it stops.
  const profile = process.env.SERVEWISE_APP_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SERVEWISE_APP_CPU_PROF}`] : [];
  const next = join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...profile, next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: TEST_SECRET,
      NEXTAUTH_URL: url,
      ...options.env,
    },
  });
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
    const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!killed) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, process: child, output: () => output, stop };
}
