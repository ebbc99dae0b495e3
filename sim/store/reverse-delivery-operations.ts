import { StoreError } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import type { SimStore } from "./store.ts";
import type { ReverseDeliveryRecord } from "./types.ts";

export interface CreateReverseDeliveryInput {
  lineItems: { reverseFulfillmentOrderLineItemId: NumericId; quantity: number }[];
  tracking?: { number?: string | null; url?: string | null } | null;
  labelFileUrl?: string | null;
  at?: Date;
}

function invalid(message: string, field: string[], code = "INVALID"): never {
  throw new StoreError("INVALID", message, field, code);
}

/** Carrier names Shopify infers from a tracking URL's host. */
function carrierFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  const carriers: [RegExp, string][] = [
    [/ups\.com$/, "UPS"],
    [/usps\.com$/, "USPS"],
    [/fedex\.com$/, "FedEx"],
    [/dhl\./, "DHL Express"],
    [/canadapost/, "Canada Post"],
    [/royalmail\.com$/, "Royal Mail"],
  ];
  return carriers.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

/**
 * `reverseDeliveryCreateWithShipping`: a return label and/or tracking for items of an open reverse
 * fulfillment order; Shopify announces it as `reverse_deliveries/attach_deliverable`.
 */
export function createReverseDelivery(store: SimStore, domain: string, reverseFulfillmentOrderId: NumericId, input: CreateReverseDeliveryInput): ReverseDeliveryRecord {
  const state = store.state(domain);
  const rfo = state.reverseFulfillmentOrders.get(reverseFulfillmentOrderId);
  if (!rfo) throw new StoreError("NOT_FOUND", "Reverse fulfillment order does not exist.", ["reverseFulfillmentOrderId"], "NOT_FOUND");
  if (rfo.status !== "open") invalid("Reverse fulfillment order is not open.", ["reverseFulfillmentOrderId"], "INVALID_STATE");
  if (input.lineItems.length === 0) invalid("Reverse delivery line items can't be blank.", ["reverseDeliveryLineItems"], "BLANK");
  const lineItems = input.lineItems.map((requested, index) => {
    const at = ["reverseDeliveryLineItems", String(index)];
    const line = rfo.lineItems.find((candidate) => candidate.id === requested.reverseFulfillmentOrderLineItemId);
    if (!line) throw new StoreError("NOT_FOUND", "Reverse fulfillment order line item does not exist.", [...at, "reverseFulfillmentOrderLineItemId"], "NOT_FOUND");
    if (!Number.isInteger(requested.quantity) || requested.quantity < 1) invalid("Quantity must be greater than 0.", [...at, "quantity"], "GREATER_THAN");
    if (requested.quantity > line.totalQuantity) invalid(`Quantity ${requested.quantity} exceeds the line item's quantity of ${line.totalQuantity}.`, [...at, "quantity"]);
    return { id: store.ids.allocate(), reverseFulfillmentOrderLineItemId: line.id, quantity: requested.quantity };
  });
  for (const [field, url] of [[["trackingInput", "url"], input.tracking?.url], [["labelInput", "fileUrl"], input.labelFileUrl]] as const) {
    if (url && !/^https?:\/\/[^\s]+$/.test(url)) invalid("URL is invalid.", [...field], "INVALID");
  }
  const at = store.now(input.at);
  const hasTracking = Boolean(input.tracking?.number || input.tracking?.url);
  const record: ReverseDeliveryRecord = {
    id: store.ids.allocate(),
    reverseFulfillmentOrderId: rfo.id,
    lineItems,
    tracking: hasTracking ? { number: input.tracking?.number ?? null, url: input.tracking?.url ?? null, carrierName: carrierFromUrl(input.tracking?.url) } : null,
    label: input.labelFileUrl ? { fileUrl: input.labelFileUrl, createdAt: at, updatedAt: at } : null,
    createdAt: at,
  };
  state.reverseDeliveries.set(record.id, record);
  rfo.reverseDeliveryIds.push(record.id);
  store.emit(domain, { kind: "reverse_delivery.attached", returnId: rfo.returnId, reverseDeliveryId: record.id }, at);
  return record;
}
