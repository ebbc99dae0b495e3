import type { DbClient } from "~/db.server";
import { shopifyGid } from "~/orders/payload-fields";

/** Who a compliance request is about, in the ids we store. */
export interface PrivacySubject {
  customerId: string | null;
  orderIds: string[];
}

/** Resolves a compliance payload's legacy ids to the gids Aftercare stores. */
export function privacySubject(customerLegacyId: string | null | undefined, orderLegacyIds: readonly string[]): PrivacySubject {
  return {
    customerId: customerLegacyId ? shopifyGid("Customer", customerLegacyId) : null,
    orderIds: orderLegacyIds.map((id) => shopifyGid("Order", id)),
  };
}

/** The `where` matching the subject's orders: those Shopify listed plus any placed under their customer id. */
export function subjectOrdersWhere(shop: string, subject: PrivacySubject) {
  const matches = [
    ...(subject.orderIds.length ? [{ id: { in: subject.orderIds } }] : []),
    ...(subject.customerId ? [{ customerId: subject.customerId }] : []),
  ];
  return { shop, OR: matches.length ? matches : [{ id: { in: [] as string[] } }] };
}

/** The ids of the subject's orders that we hold. */
export async function findSubjectOrderIds(client: DbClient, shop: string, subject: PrivacySubject): Promise<string[]> {
  const orders = await client.order.findMany({ where: subjectOrdersWhere(shop, subject), select: { id: true } });
  return orders.map((order) => order.id);
}
