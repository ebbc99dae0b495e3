/**
 * `npx tsx bench/lib/notify-profile.ts [--messages N] [--concurrency K] [--db postgres] [--side send|carrier|pipeline] [--smtp-delay-ms D] [--profile out.cpuprofile]`:
 * the CPU cost per notification, which a loaded machine measures honestly where wall-clock latency does not.
 * `send` (default): N "out for delivery" messages sit in the outbox with their send jobs; one job worker with
 * `--concurrency` slots runs them in this process against a local SMTP server in a child process (so the
 * server's own CPU is not counted), after a warm-up. `carrier`: N stored EasyPost updates run through the carrier
 * update job (shipment state → outbox), the jobs it enqueues do nothing. `pipeline`: stored updates through every
 * job they cause until each email is accepted (all but the webhook's HTTP intake). `--smtp-delay-ms D` makes the
 * SMTP server answer each message D ms late, like a remote provider, to show what sends in flight buy. Prints CPU ms per message
 * (process.cpuUsage), wall time and the self time by file of a V8 CPU profile of the measured phase.
 */
import { fork, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

if (process.argv.includes("--smtp-child")) await runSmtpChild();
else await runProfile();

/** The SMTP side, in its own process: accepts everything and reports the count when asked. */
async function runSmtpChild(): Promise<void> {
  const { SMTPServer } = await import("smtp-server");
  const smtpDelayMs = Number(argument("smtp-delay-ms") ?? 0);
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        // A real provider answers after a network round trip and its own work.
        setTimeout(() => {
          accepted++;
          callback();
        }, smtpDelayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.send!({ url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` });
  process.on("message", (message) => {
    if (message === "count") process.send!({ accepted });
    if (message === "stop") server.close(() => process.exit(0));
  });
}

async function startSmtpChild(): Promise<{ child: ChildProcess; url: string; accepted(): Promise<number> }> {
  const child = fork(fileURLToPath(import.meta.url), ["--smtp-child", "--smtp-delay-ms", argument("smtp-delay-ms") ?? "0"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const url = await new Promise<string>((resolve) => child.once("message", (message: { url: string }) => resolve(message.url)));
  return {
    child,
    url,
    accepted: () =>
      new Promise((resolve) => {
        child.once("message", (message: { accepted: number }) => resolve(message.accepted));
        child.send("count");
      }),
  };
}

async function runProfile(): Promise<void> {
  const messages = Number(argument("messages") ?? 500);
  const warmUp = Number(argument("warm-up") ?? 50);
  const concurrency = Number(argument("concurrency") ?? 4);
  const side = (["carrier", "pipeline"] as const).find((known) => known === argument("side")) ?? "send";
  const dbKind = argument("db") === "postgres" ? "postgres" : "sqlite";
  const profilePath = argument("profile");
  const smtp = await startSmtpChild();
  Object.assign(process.env, {
    NODE_ENV: "production",
    SHOPIFY_API_KEY: "profile-key",
    SHOPIFY_API_SECRET: "profile-secret",
    SHOPIFY_APP_URL: "https://aftercare.profile.test",
    SMTP_URL: smtp.url,
    MAIL_FROM: "updates@profile.test",
    LOG_LEVEL: "warn",
  });
  // App modules read the environment on first use, so they are loaded only now.
  const { createDatabase } = await import("../../app/db.server");
  const { migrate } = await import("../../app/db/migrate.server");
  const { benchDatabaseUrl, dropDatabase } = await import("./databases");
  const { seedParcels, SHOP, EASYPOST_SECRET, trackingCode } = await import("./notify-seed");
  const { startWorker } = await import("../../app/jobs/worker.server");
  const { jobDefinitions } = await import("../../app/jobs/handlers.server");
  const { recordShipmentMilestone } = await import("../../app/notifications/outbox.server");
  const { outForDeliveryWebhook } = await import("./easypost");
  const { storeCarrierUpdate } = await import("../../app/tracking/sources/carrier-update-inbox.server");

  const statements = await countSqliteStatements();
  const url = benchDatabaseUrl(dbKind, "notify_profile");
  await migrate(url);
  const database = createDatabase(url);
  const prisma = database.prisma;
  const total = warmUp + messages;
  try {
    await seedParcels(prisma, total);
    const shipments = await prisma.shipment.findMany({ where: { shop: SHOP }, orderBy: { trackingNumber: "asc" }, select: { id: true, orderId: true } });
    // Warm-up and measured batches are enqueued separately so the warm-up's jobs run first and alone.
    const prepare = async (from: number, to: number) => {
      for (let index = from; index < to; index++) {
        if (side !== "send") {
          const webhook = outForDeliveryWebhook(trackingCode(index), new Date(), EASYPOST_SECRET);
          await storeCarrierUpdate(prisma, SHOP, { provider: "easypost", externalId: `profile-${index}`, payload: webhook.body });
          continue;
        }
        const shipment = shipments[index]!;
        const at = new Date();
        await prisma.shipment.updateMany({ where: { shop: SHOP, id: shipment.id }, data: { status: "out_for_delivery", statusAt: at } });
        await recordShipmentMilestone(prisma, SHOP, { shipmentId: shipment.id, orderId: shipment.orderId, from: "in_transit", to: "out_for_delivery", at });
      }
    };
    // send: only send jobs exist. carrier: the jobs a carrier update enqueues are no-ops. pipeline: everything runs.
    const counted = side === "send" ? "notifications.send" : "tracking.apply-carrier-update";
    const runBatch = async (count: number) => {
      let done = 0;
      let finished!: () => void;
      const allDone = new Promise<void>((resolve) => (finished = resolve));
      const handlers = jobDefinitions.map((definition) => ({
        ...definition,
        handle: async (ctx: Parameters<typeof definition.handle>[0], payload: unknown) => {
          if (side === "carrier" && definition.name !== counted) return;
          await definition.handle(ctx, payload);
          if (side !== "pipeline" && definition.name === counted && ++done === count) finished();
        },
      }));
      const worker = startWorker({ database, handlers, concurrency, pollIntervalMs: 50 });
      if (side === "pipeline") {
        const target = (await smtp.accepted()) + count;
        while ((await smtp.accepted()) < target) await new Promise((resolve) => setTimeout(resolve, 100));
      } else await allDone;
      await worker.stop();
    };

    await prepare(0, warmUp);
    await runBatch(warmUp);
    await prepare(warmUp, total);
    const session = new Session();
    if (profilePath) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 500 });
      await session.post("Profiler.start");
    }
    statements.clear();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await runBatch(messages);
    const wallMs = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    if (profilePath) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(profilePath, JSON.stringify(profile));
      printSelfTimeByFile(profile);
    }
    const accepted = await smtp.accepted();
    const outbox = await prisma.notificationMessage.groupBy({ by: ["status"], where: { shop: SHOP }, _count: { _all: true } });
    if (dbKind === "sqlite") printStatements(statements, messages);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `${dbKind} ${side}: ${messages} messages, concurrency ${concurrency}: ${(cpuMs / messages).toFixed(2)} CPU ms/message ` +
        `(user ${(cpu.user / 1000 / messages).toFixed(2)}, system ${(cpu.system / 1000 / messages).toFixed(2)}), ` +
        `wall ${(wallMs / messages).toFixed(2)} ms/message, ${Math.round((messages * 1000) / wallMs)}/s; SMTP accepted ${accepted} of ${total}; ` +
        `outbox ${outbox.map((row) => `${row.status} ${row._count._all}`).join(", ")}`,
    );
  } finally {
    await database.close();
    await dropDatabase(url);
    smtp.child.send("stop");
  }
}

/** Counts the SQL statements SQLite prepares (Prisma's adapter prepares one per query), by text. */
async function countSqliteStatements(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const { default: Sqlite } = await import("better-sqlite3");
  const prototype = Sqlite.prototype as unknown as { prepare(sql: string): unknown };
  const prepare = prototype.prepare;
  prototype.prepare = function (this: unknown, sql: string) {
    counts.set(sql, (counts.get(sql) ?? 0) + 1);
    return prepare.call(this, sql);
  };
  return counts;
}

function printStatements(counts: Map<string, number>, messages: number): void {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  console.log(`${(total / messages).toFixed(1)} SQL statements per message; the most frequent:`);
  for (const [sql, count] of [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${(count / messages).toFixed(2).padStart(6)}  ${sql.replace(/\s+/g, " ").slice(0, 150)}`);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time by source file (node_modules collapsed to the package), the top 25. */
function printSelfTimeByFile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const url = frame?.url ?? "";
    const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    const key = packageMatch ? `pkg ${packageMatch[1]}` : url ? url.replace(/^.*\/work\/main\//, "") : `(${frame?.functionName || "native"})`;
    self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0));
  });
  const totalUs = [...self.values()].reduce((sum, value) => sum + value, 0);
  for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
}
