import type { Db } from "~/db.server";
import { env } from "~/env.server";
import type { ExceptionDigest } from "~/generated/sqlite/client";
import type { NotificationChannels } from "~/notifications/channels.server";
import { DeliveryError } from "~/notifications/delivery-error";
import { emailMessageId } from "~/notifications/message-id";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import { exceptionsAdminUrl } from "../actions/perform.server";
import { EXCEPTION_KINDS, type ExceptionKind } from "../kinds";
import { DIGEST_TOP_ROWS, type DigestFacts } from "./content";
import { renderDigest } from "./render";

/** A send attempt that claimed a digest longer ago than this died mid-send. */
const STALE_DIGEST_CLAIM_MS = 3 * 60_000;

export type DigestResult = "sent" | "empty" | "failed" | "skipped";

/**
 * Sends one recorded digest at most once: claims it (pending → sending), lists the flags detected in its window,
 * and mails them to the digest address (else the shop's). A day without new flags sends nothing (`empty`). SMTP
 * 4xx and connection failures go back to pending and throw so the job retries; the last attempt records `failed`.
 */
export async function sendDigest(
  db: Db,
  shop: string,
  digestId: string,
  options: { email: NotificationChannels["email"]; attempt: number; maxAttempts: number; now?: Date },
): Promise<DigestResult> {
  const now = options.now ?? new Date();
  const digest = await claimDigest(db, shop, digestId, now);
  if (!digest) return "skipped";
  const facts = await digestFacts(db, digest);
  if (facts.total === 0) {
    await finish(db, digest, { status: "empty" });
    return "empty";
  }
  const { exceptions } = await getNotificationPreferences(db, shop);
  const shopRow = await db.shop.findUnique({ where: { shop }, select: { email: true } });
  const to = exceptions.digest.email ?? shopRow?.email ?? null;
  const failedWith = !to ? "no address: set a digest email or the shop's email" : !options.email ? "email is not configured (SMTP_URL and MAIL_FROM)" : null;
  if (failedWith || !to || !options.email) {
    await finish(db, digest, { status: "failed", error: failedWith, exceptionCount: facts.total });
    return "failed";
  }
  const rendered = await renderDigest(facts);
  try {
    await options.email.sender.send({
      from: { name: "Aftercare", address: options.email.fromAddress },
      to,
      ...rendered,
      messageId: emailMessageId(shop, `digest:${digest.period}`, new URL(env().SHOPIFY_APP_URL).hostname),
    });
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError(`${(error as Error).name}: ${(error as Error).message}`, true, { cause: error });
    if (failure.retryable && options.attempt < options.maxAttempts) {
      await finish(db, digest, { status: "pending", error: failure.reason, claimedAt: null });
      throw failure;
    }
    await finish(db, digest, { status: "failed", error: failure.reason, exceptionCount: facts.total });
    return "failed";
  }
  await finish(db, digest, { status: "sent", sentAt: now, error: null, exceptionCount: facts.total });
  return "sent";
}

async function claimDigest(db: Db, shop: string, digestId: string, now: Date): Promise<ExceptionDigest | null> {
  const { count } = await db.exceptionDigest.updateMany({ where: { shop, id: digestId, status: "pending" }, data: { status: "sending", claimedAt: now, attempts: { increment: 1 } } });
  const digest = await db.exceptionDigest.findFirst({ where: { shop, id: digestId } });
  if (!digest) return null;
  if (count === 1) return digest;
  if (digest.status === "sending" && digest.claimedAt && now.getTime() - digest.claimedAt.getTime() >= STALE_DIGEST_CLAIM_MS) {
    // The sender died mid-send: whether the mail went is unknown, and a second copy is worse than a missing one.
    await db.exceptionDigest.updateMany({
      where: { shop, id: digestId, status: "sending", claimedAt: digest.claimedAt },
      data: { status: "failed", error: "outcome_unknown: the sending worker stopped mid-send; not resent" },
    });
    return null;
  }
  if (digest.status === "sending") throw new Error(`digest ${digestId} is being sent by another attempt`);
  return null;
}

async function finish(db: Db, digest: ExceptionDigest, data: Partial<ExceptionDigest>): Promise<void> {
  await db.exceptionDigest.updateMany({ where: { shop: digest.shop, id: digest.id, status: "sending", claimedAt: digest.claimedAt }, data });
}

async function digestFacts(db: Db, digest: ExceptionDigest): Promise<DigestFacts> {
  const shop = digest.shop;
  const window = { shop, detectedAt: { gte: digest.since, lt: digest.until } };
  const grouped = await db.shipmentException.groupBy({ by: ["kind"], where: window, _count: { _all: true } });
  const counts: Partial<Record<ExceptionKind, number>> = {};
  for (const group of grouped) {
    const kind = EXCEPTION_KINDS.find((known) => known === group.kind);
    if (kind) counts[kind] = group._count._all;
  }
  const newest = await db.shipmentException.findMany({ where: window, orderBy: [{ detectedAt: "desc" }, { id: "asc" }], take: DIGEST_TOP_ROWS });
  const orders = await db.order.findMany({ where: { shop, id: { in: [...new Set(newest.map((flag) => flag.orderId))] } }, select: { id: true, name: true } });
  const shipmentIds = newest.flatMap((flag) => (flag.shipmentId ? [flag.shipmentId] : []));
  const shipments = await db.shipment.findMany({ where: { shop, id: { in: shipmentIds } }, select: { id: true, trackingNumber: true } });
  const orderNames = new Map(orders.map((order) => [order.id, order.name]));
  const trackingNumbers = new Map(shipments.map((shipment) => [shipment.id, shipment.trackingNumber]));
  const shopRow = await db.shop.findUnique({ where: { shop }, select: { name: true } });
  return {
    shopName: shopRow?.name ?? shop,
    period: digest.period,
    counts,
    total: Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0),
    rows: newest.flatMap((flag) => {
      const kind = EXCEPTION_KINDS.find((known) => known === flag.kind);
      return kind ? [{ kind, orderName: orderNames.get(flag.orderId) ?? flag.orderId, trackingNumber: flag.shipmentId ? trackingNumbers.get(flag.shipmentId) ?? null : null, since: flag.since }] : [];
    }),
    adminUrl: exceptionsAdminUrl(shop, env().SHOPIFY_API_KEY),
  };
}
