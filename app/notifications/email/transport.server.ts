import nodemailer from "nodemailer";
import { DeliveryError } from "../delivery-error";

/** An email ready for SMTP. */
export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string;
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
  /** Derived from the outbox key, so a resend of the same message carries the same Message-ID. */
  messageId: string;
  /** RFC 8058 one-click unsubscribe target; left out for the merchant's own operational mail (digest, support alerts). */
  unsubscribeUrl?: string;
}

export interface EmailSender {
  /** Hands the email to the SMTP server; throws DeliveryError when it is not accepted. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  close(): void;
}

// Connection problems a later attempt can get past.
const TRANSIENT_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPIPE"]);

/**
 * How many SMTP connections a sender keeps open. Each connection carries one message at a time and waits a network
 * round trip per SMTP command, so this, not CPU, caps sending against a remote server (nodemailer's default is 5).
 */
export const SMTP_POOL_CONNECTIONS = 16;

/** An SMTP sender for `smtpUrl` (smtp:// or smtps://), pooled: messages reuse open connections. */
export function smtpSender(smtpUrl: string, options: { timeoutMs?: number; maxConnections?: number } = {}): EmailSender {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? SMTP_POOL_CONNECTIONS,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(email) {
      try {
        const info = await transport.sendMail({
          from: email.from,
          to: email.to,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          subject: email.subject,
          html: email.html,
          text: email.text,
          messageId: email.messageId,
          headers: email.unsubscribeUrl
            ? { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
            : {},
        });
        if (info.rejected.length) throw new DeliveryError(`rejected by the SMTP server: ${info.response}`, false);
        return { providerMessageId: info.messageId };
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

/** What an SMTP failure means for retrying: 4xx replies and connection errors are temporary, 5xx replies are final. */
export function smtpFailure(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const reason = `smtp: ${failure.response ?? failure.message ?? String(error)}`.slice(0, 500);
  if (typeof failure.responseCode === "number") return new DeliveryError(reason, failure.responseCode < 500, { cause: error });
  return new DeliveryError(reason, failure.code === undefined || TRANSIENT_CODES.has(failure.code), { cause: error });
}
