import { z } from "zod";
import type { DbClient } from "~/db.server";
import { ConflictError, DomainError } from "~/errors";
import { logger } from "~/logger.server";
import { atomically } from "~/orders/atomically.server";
import { carrierFromCompany } from "~/tracking/carriers/carrier-names";
import { compactTrackingNumber } from "~/tracking/carriers/tracking-number";
import { approveWithExchange, exchangeItemsOf } from "./approve-exchange.server";
import { ACTION_FROM, type CaseStatus } from "./case-status";
import { addReturnEvent, getReturnCase, moveReturnCase, type ReturnCaseRow } from "./case-store.server";
import type { BulkResult } from "./bulk-result";
import { fetchReturnLabelAddresses } from "./labels/label-addresses.server";
import type { CarrierLabelProvider, LabelRequest, PurchasedLabel } from "./labels/provider";
import { labelProviderFor, type LabelProviderOptions } from "./labels/settings.server";
import { parseInput } from "./parse-input";
import type { ReturnsDeps } from "./returns-deps.server";
import {
  approveShopifyReturn,
  closeShopifyReturn,
  createReverseDelivery,
  DECLINE_REASONS,
  declineShopifyReturn,
  fetchShopifyReturn,
  processShopifyReturn,
} from "./shopify-returns.server";

/**
 * What a merchant does to a return, each a Shopify mutation followed by our record of it. Every action checks
 * the case's status first (ConflictError when the return is not at that step) and moves it with a
 * compare-and-set, so two staff members clicking at once cannot both act.
 */

type ActionDeps = Pick<ReturnsDeps, "db" | "admin" | "now">;

async function caseFor(client: DbClient, shop: string, id: string, action: keyof typeof ACTION_FROM): Promise<ReturnCaseRow & { shopifyReturnId: string }> {
  const row = await getReturnCase(client, shop, id);
  if (!ACTION_FROM[action]!.includes(row.status as CaseStatus)) {
    throw new ConflictError(`Return ${row.name ?? row.id} is ${row.status.replace("_", " ")}; it cannot be ${PAST[action]} now`);
  }
  if (!row.shopifyReturnId) throw new ConflictError(`Return ${row.id} has no Shopify return`);
  return row as ReturnCaseRow & { shopifyReturnId: string };
}

const PAST: Record<string, string> = { approve: "approved", decline: "declined", label: "given a label", receive: "marked received", process: "processed", close: "closed" };

async function move(
  client: DbClient,
  shop: string,
  row: ReturnCaseRow,
  action: keyof typeof ACTION_FROM,
  data: Parameters<typeof moveReturnCase>[4],
  event: Parameters<typeof addReturnEvent>[3],
): Promise<void> {
  await atomically(client, async (tx) => {
    const moved = await moveReturnCase(tx, shop, row.id, ACTION_FROM[action]!, data);
    if (!moved) throw new ConflictError(`Return ${row.name ?? row.id} changed meanwhile; reload and try again`);
    await addReturnEvent(tx, shop, row.id, event);
  });
}

/** Approves a requested return in Shopify (returnApproveRequest; with exchange items, see approveWithExchange). */
export async function approveReturn(deps: ActionDeps, shop: string, id: string): Promise<void> {
  const row = await caseFor(deps.db, shop, id, "approve");
  const exchange = exchangeItemsOf(row);
  if (exchange.length) return approveWithExchange(deps, shop, row, exchange);
  await approveShopifyReturn(await deps.admin(shop), row.shopifyReturnId);
  const now = deps.now();
  await move(deps.db, shop, row, "approve", { status: "open", approvedAt: now, shopifyStatusAt: now }, { kind: "approved", text: "Return approved", actor: "merchant", at: now });
}

export const declineInputSchema = z
  .object({
    reason: z.enum(DECLINE_REASONS, "must be one of RETURN_PERIOD_ENDED, FINAL_SALE or OTHER"),
    note: z.string().trim().max(500, "must be at most 500 characters").default(""),
  })
  .refine((input) => input.reason !== "OTHER" || input.note.length > 0, { path: ["note"], message: "is required when the reason is Other" });
export type DeclineInput = z.input<typeof declineInputSchema>;

const DECLINE_TEXT: Record<(typeof DECLINE_REASONS)[number], string> = {
  RETURN_PERIOD_ENDED: "the return period has ended",
  FINAL_SALE: "the item was a final sale",
  OTHER: "",
};

/** Declines a requested return with Shopify's reason (and a note the shopper sees). */
export async function declineReturn(deps: ActionDeps, shop: string, id: string, input: DeclineInput): Promise<void> {
  const { reason, note } = parseInput(declineInputSchema, input);
  const row = await caseFor(deps.db, shop, id, "decline");
  await declineShopifyReturn(await deps.admin(shop), row.shopifyReturnId, reason, note);
  const now = deps.now();
  const because = [DECLINE_TEXT[reason], note].filter(Boolean).join(" — ");
  await move(
    deps.db,
    shop,
    row,
    "decline",
    { status: "declined", declineReason: reason, declineNote: note || null, shopifyStatusAt: now },
    { kind: "declined", text: `Return declined: ${because}`, actor: "merchant", at: now },
  );
}


/** Approves or declines many returns; each succeeds or fails on its own, and the results say which. */
export type { BulkResult };

export async function decideReturns(
  deps: ActionDeps,
  shop: string,
  ids: readonly string[],
  decision: { action: "approve" } | { action: "decline"; decline: DeclineInput },
): Promise<BulkResult[]> {
  if (decision.action === "decline") parseInput(declineInputSchema, decision.decline);
  const results: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      if (decision.action === "approve") await approveReturn(deps, shop, id);
      else await declineReturn(deps, shop, id, decision.decline);
      results.push({ id, ok: true });
    } catch (error) {
      // Domain failures (a userError, a conflict) belong to that one return; anything else is a bug.
      if (!(error instanceof DomainError)) throw error;
      results.push({ id, ok: false, error: error.message });
    }
  }
  return results;
}

/** A label the merchant already has: uploaded to their files, or a carrier's prepaid QR code page. */
export const uploadedLabelSchema = z.object({
  labelUrl: z.url({ protocol: /^https$/, error: "must be an https URL" }),
  trackingNumber: z.string().trim().max(64).nullish().transform((value) => value || null),
  carrier: z.string().trim().max(64).nullish().transform((value) => value || null),
  trackingUrl: z.url({ protocol: /^https$/, error: "must be an https URL" }).nullish().transform((value) => value || null),
});
export type UploadedLabelInput = z.input<typeof uploadedLabelSchema>;

/** Buys a label from `provider` and attaches it to the return. */
export async function buyReturnLabel(deps: ActionDeps, shop: string, id: string, provider: CarrierLabelProvider, request: Omit<LabelRequest, "reference">): Promise<void> {
  const row = await caseFor(deps.db, shop, id, "label");
  const label = await provider.buyLabel({ ...request, reference: row.name ?? row.id });
  await attachLabel(deps, shop, row, label);
}

/** A parcel to buy a label for: its weight in ounces, as EasyPost quotes. */
export const parcelInputSchema = z.object({
  weightOz: z.coerce.number("must be a number of ounces").positive("must be more than 0").max(2400, "must be at most 2400 (150 lb)"),
});
export type ParcelInput = z.input<typeof parcelInputSchema>;

/**
 * Buys a label with the shop's provider (its own EasyPost key, else the app's) from the order's shipping address to
 * the store's. ConflictError when the shop uploads its own labels or no key can be used.
 */
export async function buyShopReturnLabel(deps: ActionDeps, shop: string, id: string, input: ParcelInput, options: LabelProviderOptions = {}): Promise<void> {
  const parcel = parseInput(parcelInputSchema, input);
  const row = await caseFor(deps.db, shop, id, "label");
  const provider = await labelProviderFor(deps.db, shop, options);
  if (!provider) throw new ConflictError("This shop uploads its own return labels: attach one, or choose EasyPost in Returns settings");
  const addresses = await fetchReturnLabelAddresses(await deps.admin(shop), row.orderId);
  await buyReturnLabel(deps, shop, id, provider, { ...addresses, parcel });
}

/** Attaches a label the merchant uploaded (or a prepaid QR code's page) to the return. */
export async function attachUploadedLabel(deps: ActionDeps, shop: string, id: string, input: UploadedLabelInput): Promise<void> {
  const label = parseInput(uploadedLabelSchema, input);
  const row = await caseFor(deps.db, shop, id, "label");
  await attachLabel(deps, shop, row, {
    provider: "uploaded",
    externalId: "",
    carrier: label.carrier ?? "",
    service: null,
    trackingNumber: label.trackingNumber ?? "",
    trackingUrl: label.trackingUrl,
    labelUrl: label.labelUrl,
    rate: { amount: "", currency: "" },
  });
}

/**
 * Tells Shopify about the parcel (reverseDeliveryCreateWithShipping with tracking and label URL) and records
 * the label with a Shipment of kind "return", so carrier updates reach it like outbound parcels.
 */
async function attachLabel(deps: ActionDeps, shop: string, row: ReturnCaseRow & { shopifyReturnId: string }, label: PurchasedLabel): Promise<void> {
  const admin = await deps.admin(shop);
  const details = await fetchShopifyReturn(admin, row.shopifyReturnId);
  const trackingNumber = label.trackingNumber || null;
  const reverseDeliveryId = await createReverseDelivery(admin, details, { trackingNumber, trackingUrl: label.trackingUrl, labelUrl: label.labelUrl });
  const now = deps.now();
  const carrier = label.carrier ? (carrierFromCompany(label.carrier) ?? label.carrier) : null;
  await atomically(deps.db, async (tx) => {
    const shipment = trackingNumber
      ? await tx.shipment.create({
          data: {
            shop,
            kind: "return",
            orderId: row.orderId,
            fulfillmentId: reverseDeliveryId,
            trackingNumber,
            trackingKey: compactTrackingNumber(trackingNumber),
            trackingUrl: label.trackingUrl,
            carrier,
            service: label.service,
            status: "label_created",
            statusAt: now,
          },
          select: { id: true },
        })
      : null;
    await tx.returnLabel.create({
      data: {
        shop,
        returnId: row.id,
        provider: label.provider,
        carrier,
        service: label.service,
        trackingNumber,
        trackingUrl: label.trackingUrl,
        labelUrl: label.labelUrl,
        rate: label.rate.amount || null,
        rateCurrency: label.rate.currency || null,
        externalId: label.externalId || null,
        reverseDeliveryId,
        shipmentId: shipment?.id ?? null,
      },
    });
    await addReturnEvent(tx, shop, row.id, { kind: "label_created", text: trackingNumber ? `Return label created (tracking ${trackingNumber})` : "Return label created", actor: "merchant", at: now });
  });
  logger.info({ shop, returnId: row.id, provider: label.provider }, "return label attached");
}

/** Records that the parcel arrived at the merchant. */
export async function markReturnReceived(deps: ActionDeps, shop: string, id: string): Promise<void> {
  const row = await caseFor(deps.db, shop, id, "receive");
  const now = deps.now();
  await move(deps.db, shop, row, "receive", { status: "received", receivedAt: now }, { kind: "received", text: "Returned items received", actor: "merchant", at: now });
}

/**
 * Processes the return in Shopify (returnProcess): every processable line and exchange item, the refund to the
 * original payment and the store credit (bonus included) the shopper was promised when they submitted.
 *
 * Shopify closes a return by itself once every item is processed, and says so in returnProcess's answer. The case
 * is then closed here too, after the processing step: its returns/close webhook, stamped with Shopify's time of
 * the close (before our "processed" was recorded), is history by then, so it can neither put "closed" before
 * "processed" on the timeline nor claim the merchant closed it in Shopify admin.
 */
export async function processReturn(deps: ActionDeps, shop: string, id: string): Promise<void> {
  const row = await caseFor(deps.db, shop, id, "process");
  const admin = await deps.admin(shop);
  const details = await fetchShopifyReturn(admin, row.shopifyReturnId);
  const processedAt = deps.now();
  const processed = await processShopifyReturn(admin, details, { currency: row.currency, refund: row.refundAmount, storeCredit: row.storeCreditAmount });
  const now = deps.now();
  const paid = [
    Number(row.refundAmount) > 0 ? `${row.refundAmount} ${row.currency} refunded` : null,
    Number(row.storeCreditAmount) > 0 ? `${row.storeCreditAmount} ${row.currency} store credit issued` : null,
  ].filter(Boolean);
  const processedEvent = { kind: "processed", text: paid.length ? `Return processed: ${paid.join(", ")}` : "Return processed", actor: "merchant", at: processedAt } as const;
  if (processed.status !== "CLOSED") {
    await move(deps.db, shop, row, "process", { status: "processed", processedAt }, processedEvent);
    return;
  }
  // The close follows the processing even on a clock that did not tick during the call (the timeline sorts by time).
  const closedAt = new Date(Math.max(now.getTime(), processedAt.getTime() + 1));
  await atomically(deps.db, async (tx) => {
    const moved = await moveReturnCase(tx, shop, row.id, ACTION_FROM.process!, { status: "closed", processedAt, closedAt, shopifyStatusAt: closedAt });
    if (!moved) throw new ConflictError(`Return ${row.name ?? row.id} changed meanwhile; reload and try again`);
    await addReturnEvent(tx, shop, row.id, processedEvent);
    await addReturnEvent(tx, shop, row.id, { kind: "closed", text: "Return closed by Shopify: every item is processed", actor: "shopify", at: closedAt });
  });
}

/**
 * Closes the return in Shopify (returnClose). Shopify closes a return by itself once every line is processed
 * and refuses returnClose on a closed return, so an already CLOSED one is only recorded here.
 */
export async function closeReturn(deps: ActionDeps, shop: string, id: string): Promise<void> {
  const row = await caseFor(deps.db, shop, id, "close");
  const admin = await deps.admin(shop);
  const details = await fetchShopifyReturn(admin, row.shopifyReturnId);
  if (details.status !== "CLOSED") await closeShopifyReturn(admin, row.shopifyReturnId);
  const now = deps.now();
  await move(deps.db, shop, row, "close", { status: "closed", closedAt: now, shopifyStatusAt: now }, { kind: "closed", text: "Return closed", actor: "merchant", at: now });
}

