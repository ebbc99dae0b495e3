import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { ensureAppBuilt } from "./build";
import { freePort } from "./ports";
import { REPO_ROOT } from "./repo-root";

export { freePort } from "./ports";

const HEALTHY_WITHIN_MS = 60_000;

export interface RunningApp {
  url: string;
  port: number;
  process: ChildProcess;
  /** SIGTERM, then waits while server.ts drains requests and in-process jobs. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** Where to listen (default: a free port). */
  port?: number;
  /** Rebuild even when build/ looks fresh. */
  build?: boolean;
  /** Append the server's output (pino JSON logs) to this file instead of discarding it. */
  logFile?: string;
  /** Called before a (re)build starts, which takes a while. */
  onBuild?: () => void;
}

/**
 * Builds the app when build/ is missing or stale, starts the production server (server.ts) with `env` over
 * this process's environment, and resolves once /healthz answers.
 */
export async function startBuiltApp(env: Record<string, string>, options: StartAppOptions = {}): Promise<RunningApp> {
  await ensureAppBuilt({ force: options.build, onBuild: options.onBuild });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = options.logFile ? openSync(options.logFile, "a") : undefined;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", SHOPIFY_APP_URL: url, ...env },
    stdio: ["ignore", log ?? "ignore", "pipe"],
    // Its own process group: Ctrl-C in a terminal reaches the caller, which then stops the server in order.
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
    if (log !== undefined) writeSync(log, chunk);
  });
  child.once("exit", () => {
    if (log !== undefined) closeSync(log);
  });
  try {
    await waitForHealthy(`${url}/healthz`, child, () => stderr);
  } catch (error) {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    throw error;
  }
  return {
    url,
    port,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}

async function waitForHealthy(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${stderr()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app did not become healthy at ${url} within ${HEALTHY_WITHIN_MS / 1000} s:\n${stderr()}`);
}
