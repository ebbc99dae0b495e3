/**
 * `npm run bench:notify-floor [--messages N]`: the CPU that one notification event costs on this machine
 * before any of the app's own logic — the parts no change to Aftercare can remove — so that bench:notify's target
 * (1,000 events/s end to end) can be checked against the machine's size (`nproc` cores × 1,000 CPU ms per second).
 *
 * Measured, each in the process that pays it (process.cpuUsage), after a warm-up:
 * - load generator: the bench's own signed webhook POST over keep-alive node:http (bench:notify runs it on the same machine);
 * - intake floor: a bare node:http server that reads the body, checks EasyPost's HMAC and parses the JSON — what
 *   any webhook receiver must do before storing anything;
 * - SMTP client: the app's pooled nodemailer sender handing over one real rendered "out for delivery" email;
 * - SMTP server: smtp-server accepting it (the bench's stand-in for the provider, on the same machine);
 * - one database statement: a shop-scoped Prisma update on SQLite (WAL), the cheapest statement the app issues;
 *   the floor counts the four writes an event needs at the least (store the webhook, apply the scan with its
 *   outbox row, claim the message, mark it sent), each assumed to cost just that.
 * Ends with one JSON line: {"bench":"notify-floor","cores":…,"floorCpuMsPerEvent":…,"maxEventsPerSecond":…,…}.
 */
import { fork } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { keepAlivePoster } from "./lib/http-post";
import { EASYPOST_SIGNATURE_HEADER, isValidEasyPostSignature } from "../app/tracking/sources/easypost/signature";

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const SECRET = "notify-floor-secret";
const WRITES_PER_EVENT = 4;

type ChildRequest = "cpu";
interface ChildReady {
  port: number;
}

/** Replies to "cpu" with this process's CPU ms so far, so the parent can take differences around a phase. */
function answerCpuQueries(): void {
  process.on("message", (message: ChildRequest | "stop") => {
    if (message === "stop") process.exit(0);
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMs: (user + system) / 1_000 });
  });
}

async function runHttpChild(): Promise<void> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const valid = isValidEasyPostSignature(body, String(request.headers[EASYPOST_SIGNATURE_HEADER] ?? ""), SECRET);
      const parsed = valid ? (JSON.parse(body.toString("utf8")) as { id?: string }) : null;
      response.writeHead(parsed?.id ? 200 : 401, { "content-type": "text/plain" }).end(parsed?.id ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  answerCpuQueries();
  process.send!({ port: (server.address() as AddressInfo).port } satisfies ChildReady);
}

async function runSmtpChild(): Promise<void> {
  const { SMTPServer } = await import("smtp-server");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  answerCpuQueries();
  process.send!({ port: (server.server.address() as AddressInfo).port } satisfies ChildReady);
}

interface Child {
  port: number;
  cpuMs(): Promise<number>;
  stop(): void;
}

async function startChild(childRole: "http" | "smtp"): Promise<Child> {
  const child = fork(fileURLToPath(import.meta.url), ["--role", childRole], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const { port } = await new Promise<ChildReady>((resolve) => child.once("message", (message) => resolve(message as ChildReady)));
  return {
    port,
    cpuMs: () =>
      new Promise((resolve) => {
        child.once("message", (message) => resolve((message as { cpuMs: number }).cpuMs));
        child.send("cpu");
      }),
    stop: () => child.send("stop"),
  };
}

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

/** CPU ms per item spent by this process and by `child` while `work` runs `count` items. */
async function measure(count: number, child: Child | null, work: (count: number) => Promise<void>): Promise<{ own: number; child: number }> {
  await work(Math.max(50, Math.round(count / 10)));
  const [ownBefore, childBefore] = [ownCpuMs(), child ? await child.cpuMs() : 0];
  await work(count);
  const [ownAfter, childAfter] = [ownCpuMs(), child ? await child.cpuMs() : 0];
  return { own: (ownAfter - ownBefore) / count, child: (childAfter - childBefore) / count };
}

/** Runs `count` calls of `one`, `concurrency` at a time. */
async function inParallel(count: number, concurrency: number, one: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++);
    }),
  );
}

async function runFloor(): Promise<void> {
  const messages = Number(argument("messages") ?? 4_000);
  const { outForDeliveryWebhook } = await import("./lib/easypost");
  const http = await startChild("http");
  const smtp = await startChild("smtp");
  try {
    const url = `http://127.0.0.1:${http.port}/carriers/easypost/floor.myshopify.com`;
    const poster = keepAlivePoster();
    const intake = await measure(messages, http, (count) =>
      inParallel(count, 32, async (index) => {
        const webhook = outForDeliveryWebhook(`9400FLOOR${index}`, new Date(), SECRET);
        const status = await poster.post(url, webhook.body, webhook.headers);
        if (status !== 200) throw new Error(`the bare receiver answered ${status}`);
      }),
    );

    poster.close();
    const { smtpSender } = await import("../app/notifications/email/transport.server");
    const { renderEmail } = await import("../app/notifications/email/render");
    const { DEFAULT_SHOP_SETTINGS } = await import("../app/shops/settings");
    const email = await renderEmail({
      trigger: "out_for_delivery",
      locale: "en",
      timeZone: "America/Chicago",
      shopName: "Floor Supply Co",
      branding: DEFAULT_SHOP_SETTINGS.branding,
      order: { name: "#1042", firstName: "Avery" },
      parcels: [{ carrier: "usps", trackingNumber: "9400111899223197428490", estimatedDeliveryAt: null }],
      items: [{ title: "Walnut desk organiser", variantTitle: "Large", quantity: 1, imageUrl: "https://cdn.shopify.com/s/files/1/organiser.jpg" }],
      links: { tracking: "https://app.example/t/abcdef", unsubscribe: "https://app.example/u/abcdef", openPixel: "https://app.example/o/abcdef" },
    });
    const sender = smtpSender(`smtp://127.0.0.1:${smtp.port}`);
    const mail = await measure(messages, smtp, (count) =>
      inParallel(count, 16, (index) =>
        sender.send({ from: { name: "Floor Supply Co", address: "updates@floor.test" }, to: `shopper${index}@floor.test`, subject: email.subject, html: email.html, text: email.text, messageId: `<floor-${index}@floor.test>`, unsubscribeUrl: "https://app.example/u/abcdef" }),
      ),
    );
    sender.close();

    const statementMs = await cheapestStatementMs(messages);
    const parts = {
      loadGeneratorMs: intake.own,
      intakeFloorMs: intake.child,
      smtpClientMs: mail.own,
      smtpServerMs: mail.child,
      databaseWritesMs: WRITES_PER_EVENT * statementMs,
    };
    const floor = Object.values(parts).reduce((sum, part) => sum + part, 0);
    const cores = availableParallelism();
    const round = (value: number) => Math.round(value * 1_000) / 1_000;
    console.log(`per event, CPU ms: ${Object.entries(parts).map(([name, value]) => `${name} ${round(value)}`).join(", ")}; one statement ${round(statementMs)}`);
    console.log(`floor ${round(floor)} CPU ms per event → at most ${Math.round((cores * 1_000) / floor)} events/s on ${cores} cores, before any of the app's own work`);
    console.log(JSON.stringify({ bench: "notify-floor", cores, email: { htmlBytes: email.html.length, textBytes: email.text.length }, ...Object.fromEntries(Object.entries(parts).map(([name, value]) => [name, round(value)])), statementMs: round(statementMs), floorCpuMsPerEvent: round(floor), maxEventsPerSecond: Math.round((cores * 1_000) / floor) }));
  } finally {
    http.stop();
    smtp.stop();
  }
}

/** CPU ms of one shop-scoped single-row Prisma update on a fresh SQLite database, measured in this process. */
async function cheapestStatementMs(count: number): Promise<number> {
  const { createDatabase } = await import("../app/db.server");
  const { migrate } = await import("../app/db/migrate.server");
  const { benchDatabaseUrl, dropDatabase } = await import("./lib/databases");
  const url = benchDatabaseUrl("sqlite", "notify-floor");
  await migrate(url);
  const database = createDatabase(url);
  try {
    const shop = "floor.myshopify.com";
    await database.prisma.shop.create({ data: { shop } });
    const result = await measure(count, null, async (times) => {
      for (let index = 0; index < times; index++) await database.prisma.shop.updateMany({ where: { shop }, data: { name: `Floor ${index}` } });
    });
    return result.own;
  } finally {
    await database.close();
    await dropDatabase(url);
  }
}

const role = argument("role");
if (role === "http") await runHttpChild();
else if (role === "smtp") await runSmtpChild();
else await runFloor();
