/**
 * The production HTTP server: Express serving the Remix build. Chosen over remix-serve so that request
 * logs never contain query strings (embedded requests carry session tokens there) and shutdown drains.
 * WEB_CONCURRENCY > 1 runs that many server processes on one port (node:cluster): one Node process keeps
 * one core busy, and at peak webhook intake is CPU-bound.
 */
import cluster from "node:cluster";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { env } from "./app/env.server";
import { preloadConfiguredAppBridge } from "./scripts/lib/app-bridge-preload";
import { allowFramingByStandIn } from "./scripts/lib/frame-ancestors";
import { fetchHandler } from "./scripts/lib/fetch-handler";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const buildPath = resolve(process.env.REMIX_BUILD ?? "build/server/index.js");
const webProcesses = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1) || 1);

if (cluster.isPrimary && webProcesses > 1) superviseServers(webProcesses);
else await serve();

async function serve() {
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // Only with a local stand-in (demo, tests): its admin page frames the app from its own origin, and App Bridge
  // comes from it; against a real store both are no-ops.
  const config = env();
  app.use(allowFramingByStandIn(config.SHOPIFY_STANDIN_URL));
  app.use(preloadConfiguredAppBridge(config.APP_BRIDGE_URL));
  // Webhooks go straight to the intake: the same function the Remix route calls, without route matching
  // and response rendering, which cost a quarter of the intake's CPU at peak.
  const webhookIntake = (build.entry.module as { webhookIntake?: (request: Request) => Promise<Response> }).webhookIntake;
  if (webhookIntake) app.post("/webhooks/*", fetchHandler(webhookIntake));
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" }));

  const server = app.listen(port, host, () => {
    console.log(`Aftercare listening on http://${host}:${port}`);
  });
  server.keepAliveTimeout = 65_000;

  // Stop taking requests, let in-flight ones finish, then let running jobs finish (entry.server's hook).
  function shutdown() {
    setTimeout(() => process.exit(0), 30_000).unref();
    server.close(async () => {
      const stopBackgroundWork = (build.entry.module as { stopBackgroundWork?: () => Promise<void> }).stopBackgroundWork;
      await stopBackgroundWork?.();
      process.exit(0);
    });
    server.closeIdleConnections();
  }
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

/** The cluster's primary: forks the servers, passes shutdown signals on, and exits when the last has drained. */
function superviseServers(count: number) {
  let stopping = false;
  for (let index = 0; index < count; index++) cluster.fork();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  cluster.on("exit", (worker, code) => {
    if (!stopping) {
      console.error(`server process ${worker.process.pid} exited with ${code}; starting another`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
}
