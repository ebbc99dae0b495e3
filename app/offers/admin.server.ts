import type { DbClient } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { loadCatalog } from "./catalog.server";
import { chooseOffer } from "./choose-offer.server";
import { discountLabelOf } from "./offer-view";
import { documentFromForm, formErrorsOf, formFromOffer, type OfferFormValues } from "./offer-form";
import { type Offer, parseOffer, type Surface } from "./offer-schema";
import { getOffer, listOffers, saveOffer } from "./offer-store.server";
import { orderFactsFromDb } from "./order-facts.server";
import { describeReason } from "./reason-text";
import { type OfferEditorData, type OfferListRow, type SimulatedOffer, type Simulation } from "./admin-views";
import { loadOfferResults } from "./results.server";

export type { OfferEditorData, OfferListRow, SimulatedOffer, Simulation };

/** The merchant's offer pages: list, editor (form, preview, results) and the "which offer would this order get?" simulator. */

async function shopCurrency(client: DbClient, shop: string): Promise<string> {
  return (await client.shop.findUnique({ where: { shop }, select: { currencyCode: true } }))?.currencyCode ?? "USD";
}

/** Every offer with its key numbers. */
export async function offerList(client: DbClient, shop: string): Promise<{ rows: OfferListRow[]; currencyCode: string }> {
  const [stored, currencyCode] = await Promise.all([listOffers(client, shop), shopCurrency(client, shop)]);
  const offers = stored.map((entry) => entry.offer);
  const results = await loadOfferResults(client, shop, offers, currencyCode);
  return {
    currencyCode,
    rows: offers.map((offer) => ({
      id: offer.id,
      name: offer.name,
      status: offer.status,
      surfaces: [...offer.surfaces],
      priority: offer.priority,
      discountLabel: plainDiscount(offer.discount),
      experiment: offer.arms.length > 1,
      results: results[offer.id]!,
    })),
  };
}

/** The editor's data; `id` "new" starts from a paused template. */
export async function offerEditor(client: DbClient, admin: AdminGraphqlClient | null, shop: string, id: string): Promise<OfferEditorData> {
  const isNew = id === "new";
  const [offer, currencyCode, recent] = await Promise.all([
    isNew ? null : getOffer(client, shop, id).then((stored) => stored.offer),
    shopCurrency(client, shop),
    client.order.findMany({ where: { shop, redactedAt: null }, orderBy: { processedAt: "desc" }, take: 20, select: { id: true, name: true } }),
  ]);
  const results = offer ? (await loadOfferResults(client, shop, [offer], currencyCode))[offer.id]! : null;
  let previewPrice = "20.00";
  let productTitle: string | null = null;
  if (offer?.product.kind === "fixed" && admin) {
    const snapshot = await loadCatalog(admin, [offer.product.productId]).catch(() => null);
    const variant = snapshot?.catalog[offer.product.variantId];
    if (variant) previewPrice = variant.price;
    productTitle = snapshot?.display[offer.product.variantId]?.productTitle ?? null;
  }
  return { isNew, form: formFromOffer(offer), results, previewPrice, currencyCode, productTitle, recentOrders: recent };
}

/**
 * Saves the editor's form. A new offer must not reuse an existing id; field messages come back keyed by the
 * form field (InvalidInputError → 422).
 */
export async function saveOfferForm(client: DbClient, shop: string, values: Partial<OfferFormValues>, options: { isNew: boolean; id?: string }): Promise<Offer> {
  const { document, fieldErrors } = documentFromForm(values);
  if (!options.isNew) document.id = options.id;
  if (Object.keys(fieldErrors).length) throw new InvalidInputError(fieldErrors, "The offer is invalid");
  let offer: Offer;
  try {
    offer = parseOffer(document);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(formErrorsOf(error.fieldErrors), error.message);
    throw error;
  }
  if (options.isNew && (await client.offer.findUnique({ where: { shop_id: { shop, id: offer.id } } }))) {
    throw new InvalidInputError({ id: ["is already used by another offer"] }, "The offer is invalid");
  }
  return saveOffer(client, shop, offer);
}

/** Which offer an order would get on a surface now, with the engine's reasons for every (non-archived) offer. */
export async function simulateOrder(client: DbClient, admin: AdminGraphqlClient | null, shop: string, request: { orderId: string; surface: Surface }): Promise<Simulation> {
  const order = await orderFactsFromDb(client, shop, request.orderId);
  const offers = (await listOffers(client, shop)).map((stored) => stored.offer).filter((offer) => offer.status !== "archived");
  const choice = offers.length ? await chooseOffer(client, admin, { shop, order, surfaces: [request.surface], offers }) : null;
  const selection = choice?.selection;
  const chosen = selection?.offer ? selection : null;
  const names = new Map(offers.map((offer) => [offer.id, offer.name]));
  const rows: SimulatedOffer[] = [];
  if (chosen) rows.push({ offerId: chosen.offer.id, name: chosen.offer.name, chosen: true, reasons: chosen.reasons.map(describeReason) });
  for (const rejection of selection?.rejections ?? []) {
    rows.push({ offerId: rejection.offerId, name: names.get(rejection.offerId) ?? rejection.offerId, chosen: false, reasons: rejection.reasons.map(describeReason) });
  }
  if (!admin && offers.length) {
    for (const offer of offers) rows.push({ offerId: offer.id, name: offer.name, chosen: false, reasons: ["Shopify could not be reached to check stock, so nothing would be offered."] });
  }
  return {
    orderName: order.name,
    surface: request.surface,
    chosen: chosen
      ? {
          offerId: chosen.offer.id,
          armId: chosen.arm?.id ?? null,
          variantId: chosen.product.variantId,
          price: chosen.price.amount,
          discountedPrice: chosen.discountedPrice.amount,
          discountLabel: discountLabelOf(chosen),
        }
      : null,
    offers: rows,
  };
}

function plainDiscount(discount: Offer["discount"]): string {
  if (discount.kind === "percentage") return `${discount.percent}% off`;
  if (discount.kind === "fixed_amount") return `${discount.amount} off`;
  if (discount.kind === "free_shipping") return "Free shipping";
  return "No discount";
}
