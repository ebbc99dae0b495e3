import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { SMTP_POOL_CONNECTIONS, smtpSender, type EmailSender } from "../email/transport.server";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An SMTP server that answers each message `delayMs` late, like a remote provider, counting connections and peak load. */
async function slowServer(delayMs: number) {
  const seen = { connections: 0, inFlight: 0, peakInFlight: 0, accepted: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      seen.connections++;
      callback();
    },
    onData(stream, _session, callback) {
      seen.peakInFlight = Math.max(seen.peakInFlight, ++seen.inFlight);
      stream.on("data", () => {});
      stream.on("end", () =>
        setTimeout(() => {
          seen.inFlight--;
          seen.accepted++;
          callback();
        }, delayMs),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, seen };
}

function email(n: number) {
  return { from: { name: "Tea & Co", address: "updates@aftercare.test" }, to: `shopper-${n}@example.com`, subject: `#${n}`, html: "<p>hi</p>", text: "hi", messageId: `<${n}@aftercare.test>` };
}

describe("smtpSender", () => {
  it("GIVEN many emails handed over at once to a slow server WHEN sent THEN they travel side by side on up to SMTP_POOL_CONNECTIONS connections, not nodemailer's 5", async () => {
    const { url, seen } = await slowServer(150);
    const sender: EmailSender = smtpSender(url, { timeoutMs: 5_000 });
    cleanups.push(() => sender.close());

    await Promise.all(Array.from({ length: 2 * SMTP_POOL_CONNECTIONS }, (_, n) => sender.send(email(n))));

    expect(seen.accepted).toBe(2 * SMTP_POOL_CONNECTIONS);
    expect(seen.peakInFlight).toBeGreaterThan(5);
    expect(seen.connections).toBeLessThanOrEqual(SMTP_POOL_CONNECTIONS);
  });

  it("GIVEN emails sent one after another WHEN sent THEN they reuse one connection", async () => {
    const { url, seen } = await slowServer(0);
    const sender = smtpSender(url, { timeoutMs: 5_000 });
    cleanups.push(() => sender.close());

    for (let n = 0; n < 5; n++) await sender.send(email(n));

    expect(seen.accepted).toBe(5);
    expect(seen.connections).toBe(1);
  });
});
