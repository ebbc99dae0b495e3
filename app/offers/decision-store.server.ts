import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "~/db/prisma-errors";
import type { DbClient } from "~/db.server";
import { ConflictError, InvalidInputError } from "~/errors";
import { type AcceptLedger, type AcceptRecord, acceptKeyOf, type ApplyStatus, EMPTY_LEDGER, planAccept, recordShown } from "./accept-ledger";
import { fromMinorUnits, toMinorUnits } from "./money";
import { type ChosenOffer } from "./select";

/**
 * Post-purchase decisions in the database: an offer shown for a purchase, its changeset signed once (every
 * replay gets the same JWT, and Shopify applies one `jti` at most once), and accept/decline recorded once.
 * The unique (shop, referenceId, offerId) is the accept ledger's key (accept-ledger.ts).
 */

export interface PurchaseContext {
  shop: string;
  referenceId: string;
  customerId: string | null;
  purchaseKey: string;
}

/** Records that the engine's chosen offer was shown for a purchase; showing it again keeps the first record. */
export async function recordOfferShown(client: DbClient, purchase: PurchaseContext, chosen: ChosenOffer): Promise<void> {
  const key = { shop: purchase.shop, referenceId: purchase.referenceId, offerId: chosen.offer.id };
  const existing = await client.offerDecision.findUnique({ where: { shop_referenceId_offerId: key } });
  if (existing) return;
  try {
    await client.offerDecision.create({
      data: {
        ...key,
        armId: chosen.arm?.id ?? "",
        customerId: purchase.customerId,
        purchaseKey: purchase.purchaseKey,
        variantId: chosen.product.variantId,
        quantity: chosen.product.quantity,
        unitPrice: chosen.price.amount,
        discountedUnitPrice: chosen.discountedPrice.amount,
        currencyCode: chosen.price.currencyCode,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Whether any offer was already shown (or decided) for this purchase. */
export async function decisionsForPurchase(client: DbClient, shop: string, referenceId: string) {
  return client.offerDecision.findMany({ where: { shop, referenceId }, orderBy: { createdAt: "asc" } });
}

export interface AcceptRequest {
  shop: string;
  referenceId: string;
  offerId: string;
  armId: string;
}

/**
 * The changeset JWT for accepting an offer: signed on the first call (by `sign`, given a fresh `jti`),
 * replayed verbatim afterwards. An offer never shown for this purchase, or another arm than the one shown,
 * is refused with 422; an offer the shopper already declined with 409.
 */
export async function changesetForAccept(client: DbClient, request: AcceptRequest, sign: (jti: string, row: ShownOffer) => Promise<string>): Promise<string> {
  const rows = await decisionsForPurchase(client, request.shop, request.referenceId);
  const plan = planAccept(ledgerOf(request.shop, rows), request);
  if (plan.action === "replay") return plan.record.changesetToken;
  const row = rows.find((candidate) => candidate.offerId === request.offerId);
  if (plan.action === "reject" || !row || row.armId !== request.armId) {
    throw new InvalidInputError({ offerId: ["was not offered for this purchase"] }, "The offer was not offered for this purchase");
  }
  if (row.decision === "declined") throw new ConflictError("The shopper already declined this offer");

  const jti = randomUUID();
  const token = await sign(jti, row);
  // Only the first signer stores its changeset; a concurrent one gets the stored token back, unused JWT discarded.
  const stored = await client.offerDecision.updateMany({
    where: { shop: request.shop, id: row.id, jti: null },
    data: { jti, changesetToken: token, signedAt: new Date() },
  });
  if (stored.count === 1) return token;
  const winner = await client.offerDecision.findFirstOrThrow({ where: { shop: request.shop, id: row.id } });
  return winner.changesetToken!;
}

export type ShownOffer = Awaited<ReturnType<typeof decisionsForPurchase>>[number];

export interface DecisionRequest extends AcceptRequest {
  decision: "accepted" | "declined";
  applyStatus?: ApplyStatus;
}

/**
 * Records the shopper's answer once. An accept needs a signed changeset and adds the offer's revenue; a replay
 * of the same answer changes nothing; a contradicting answer is 409; an offer never shown is 422.
 */
export async function recordDecision(client: DbClient, request: DecisionRequest, now = new Date()): Promise<{ recorded: boolean }> {
  const row = await client.offerDecision.findUnique({
    where: { shop_referenceId_offerId: { shop: request.shop, referenceId: request.referenceId, offerId: request.offerId } },
  });
  if (!row || row.armId !== request.armId) {
    throw new InvalidInputError({ offerId: ["was not offered for this purchase"] }, "The offer was not offered for this purchase");
  }
  if (row.decision === request.decision) return { recorded: false };
  if (row.decision !== "shown") throw new ConflictError(`The offer was already ${row.decision}`);
  if (request.decision === "accepted" && !row.jti) throw new ConflictError("The offer was accepted before its changeset was signed");

  const data =
    request.decision === "accepted"
      ? { decision: "accepted", decidedAt: now, applyStatus: request.applyStatus ?? null, ...revenueOf(row) }
      : { decision: "declined", decidedAt: now };
  const updated = await client.offerDecision.updateMany({ where: { shop: request.shop, id: row.id, decision: "shown" }, data });
  if (updated.count === 1) return { recorded: true };
  // A concurrent answer landed first: the same answer is a replay, another one a conflict.
  const current = await client.offerDecision.findFirstOrThrow({ where: { shop: request.shop, id: row.id } });
  if (current.decision !== request.decision) throw new ConflictError(`The offer was already ${current.decision}`);
  return { recorded: false };
}

/** Revenue added by an accept and the discount it cost, both for the whole quantity. */
function revenueOf(row: ShownOffer): { revenue: string; discountGiven: string } {
  const currency = row.currencyCode;
  const unit = toMinorUnits(row.unitPrice, currency);
  const discounted = toMinorUnits(row.discountedUnitPrice, currency);
  return {
    revenue: fromMinorUnits(discounted * row.quantity, currency),
    discountGiven: fromMinorUnits((unit - discounted) * row.quantity, currency),
  };
}

/** The pure accept ledger for one purchase, from its rows. */
function ledgerOf(shop: string, rows: readonly ShownOffer[]): AcceptLedger {
  let ledger = EMPTY_LEDGER;
  const accepts: Record<string, AcceptRecord> = {};
  for (const row of rows) {
    const key = { shop, referenceId: row.referenceId, offerId: row.offerId };
    ledger = recordShown(ledger, key);
    if (row.jti && row.changesetToken && row.signedAt) {
      accepts[acceptKeyOf(key)] = {
        ...key,
        jti: row.jti,
        changesetToken: row.changesetToken,
        signedAt: row.signedAt,
        applyStatus: (row.applyStatus as ApplyStatus | null) ?? null,
      };
    }
  }
  return { ...ledger, accepts };
}
