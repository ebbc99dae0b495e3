import type { DbClient } from "~/db.server";

/**
 * What the offer tables hold on one customer, for the compliance webhooks: post-purchase decisions and
 * discount codes name the customer; counted events name only the order (which stays, anonymised).
 */

/** The customer's offer decisions, codes and the events counted on their orders (customers/data_request). */
export async function offerDataOfCustomer(client: DbClient, shop: string, customerId: string | null, orderIds: readonly string[]) {
  const [decisions, discountCodes, events] = await Promise.all([
    customerId ? client.offerDecision.findMany({ where: { shop, customerId }, orderBy: { createdAt: "asc" } }) : [],
    customerId ? client.offerDiscountCode.findMany({ where: { shop, customerId }, orderBy: { createdAt: "asc" } }) : [],
    orderIds.length ? client.offerEvent.findMany({ where: { shop, orderKey: { in: [...orderIds] } }, orderBy: { firstAt: "asc" } }) : [],
  ]);
  return { decisions, discountCodes, events };
}

/**
 * Unlinks the customer from the offer tables (customers/redact). Decisions keep their counts for results and
 * limits without the customer. A code row keeps its offer and code (the merchant's record of what was given)
 * but its owner becomes a per-row placeholder: the unique key (offer, customer, purpose) must still hold.
 */
export async function redactOfferCustomer(client: DbClient, shop: string, customerId: string): Promise<void> {
  await client.offerDecision.updateMany({ where: { shop, customerId }, data: { customerId: null } });
  const codes = await client.offerDiscountCode.findMany({ where: { shop, customerId }, select: { id: true } });
  for (const code of codes) {
    await client.offerDiscountCode.updateMany({ where: { shop, id: code.id }, data: { customerId: `redacted:${code.id}` } });
  }
}
