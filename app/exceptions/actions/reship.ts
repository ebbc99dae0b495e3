/** One item of a parcel, as reshipping needs it. */
export interface ParcelItem {
  variantId: string | null;
  title: string;
  quantity: number;
  /** Unit price as decimal text (for items without a variant). */
  price: string | null;
}

export interface ReshipFacts {
  exceptionId: string;
  kind: string;
  orderName: string;
  trackingNumber: string;
  customerId: string | null;
  email: string | null;
  /** The order's currency (ISO 4217), for custom lines' prices. */
  currencyCode: string;
  items: readonly ParcelItem[];
}

/** The tag every reship draft carries, so a merchant (or an operator checking a lost answer) finds them all. */
export const RESHIP_TAG = "aftercare-reship";

/**
 * The DraftOrderInput that sends a parcel's items again at no charge: each line at a 100 % discount, the note
 * naming the order, parcel and flag. Items without a variant go as custom lines at their original price.
 */
export function reshipDraftInput(facts: ReshipFacts): Record<string, unknown> {
  const free = { valueType: "PERCENTAGE", value: 100, title: "Reship", description: `Reship of ${facts.orderName}` };
  return {
    note: `Reship of order ${facts.orderName}, parcel ${facts.trackingNumber} (Aftercare ${facts.kind} exception ${facts.exceptionId}).`,
    tags: [RESHIP_TAG],
    ...(facts.customerId ? { purchasingEntity: { customerId: facts.customerId }, useCustomerDefaultAddress: true } : {}),
    ...(facts.email ? { email: facts.email } : {}),
    lineItems: facts.items.map((item) =>
      item.variantId
        ? { variantId: item.variantId, quantity: item.quantity, appliedDiscount: free }
        : {
            title: item.title,
            quantity: item.quantity,
            originalUnitPriceWithCurrency: { amount: item.price ?? "0.00", currencyCode: facts.currencyCode },
            appliedDiscount: free,
          },
    ),
  };
}
