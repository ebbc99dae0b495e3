import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SmtpClock {
  url: string;
  /** When each recipient's message was accepted (end of DATA), by lower-cased address; the first acceptance counts. */
  acceptedAt: Map<string, number>;
  /** Messages accepted, counting repeats (a second email to one address would show here). */
  messages: number;
  close(): Promise<void>;
}

/**
 * A local SMTP server (smtp-server) that accepts everything and notes when each recipient's message was
 * accepted, without parsing bodies: at 1,000 messages/s the bench's own parsing must not become the bottleneck.
 */
export async function startSmtpClock(): Promise<SmtpClock> {
  const accepted = { acceptedAt: new Map<string, number>(), messages: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        const now = Date.now();
        accepted.messages++;
        for (const recipient of session.envelope.rcptTo) {
          const address = recipient.address.toLowerCase();
          if (!accepted.acceptedAt.has(address)) accepted.acceptedAt.set(address, now);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    acceptedAt: accepted.acceptedAt,
    get messages() {
      return accepted.messages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The p-th percentile (0–100) of `values` by nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
