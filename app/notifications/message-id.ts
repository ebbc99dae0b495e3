import { createHash } from "node:crypto";

/**
 * The RFC 5322 Message-ID of an outbox message, derived from its dedupe key: should a crash ever cause a resend,
 * both copies carry the same id, which mail clients use to collapse duplicates and we can search the SMTP logs by.
 */
export function emailMessageId(shop: string, dedupeKey: string, domain: string): string {
  return `<${createHash("sha256").update(`${shop}\u0000${dedupeKey}`).digest("hex").slice(0, 40)}@${domain}>`;
}
