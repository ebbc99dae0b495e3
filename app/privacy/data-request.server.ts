import type { DbClient } from "~/db.server";
import type { WebhookHandler } from "~/webhooks/handler";
import { parsePayload } from "~/orders/payload-fields";
import { offerDataOfCustomer } from "~/offers/customer-data.server";
import { customerDataRequestSchema } from "./compliance-payloads";
import { findSubjectOrderIds, privacySubject, type PrivacySubject } from "./customer-records.server";
import { throwIfOtherShop } from "./shop-guard";

export const DATA_REQUEST_KIND = "customers/data_request";

/** customers/data_request: records a PrivacyRequest holding a JSON export of all we hold on the customer. */
export const exportCustomerData: WebhookHandler = async (client, shop, payload) => {
  const request = parsePayload(DATA_REQUEST_KIND, customerDataRequestSchema, payload);
  throwIfOtherShop(request.shop_domain, shop);
  const subject = privacySubject(request.customer.id, request.orders_requested);
  const exported = await collectCustomerData(client, shop, subject);
  const now = new Date();
  await client.privacyRequest.create({
    data: {
      shop,
      kind: DATA_REQUEST_KIND,
      customerId: subject.customerId,
      export: JSON.stringify({ ...exported, dataRequestId: request.data_request?.id ?? null, generatedAt: now }),
      status: "completed",
      completedAt: now,
    },
  });
};

/** Everything we hold on a customer: their record, their orders with items, shipments and events, and offer records. */
export async function collectCustomerData(client: DbClient, shop: string, subject: PrivacySubject) {
  const customer = subject.customerId
    ? await client.customer.findUnique({ where: { shop_id: { shop, id: subject.customerId } } })
    : null;
  const orderIds = await findSubjectOrderIds(client, shop, subject);
  const inOrders = { shop, orderId: { in: orderIds } };
  const [orders, lineItems, fulfillments, shipments, refunds, offers] = await Promise.all([
    client.order.findMany({ where: { shop, id: { in: orderIds } }, orderBy: { processedAt: "asc" } }),
    client.lineItem.findMany({ where: inOrders }),
    client.fulfillment.findMany({ where: inOrders }),
    client.shipment.findMany({ where: inOrders }),
    client.refund.findMany({ where: inOrders }),
    offerDataOfCustomer(client, shop, subject.customerId, orderIds),
  ]);
  const events = await client.trackingEvent.findMany({
    where: { shop, shipmentId: { in: shipments.map((shipment) => shipment.id) } },
    orderBy: { happenedAt: "asc" },
  });
  return {
    customer,
    orders: orders.map((order) => ({
      ...order,
      lineItems: lineItems.filter((item) => item.orderId === order.id),
      fulfillments: fulfillments.filter((fulfillment) => fulfillment.orderId === order.id),
      shipments: shipments
        .filter((shipment) => shipment.orderId === order.id)
        .map((shipment) => ({ ...shipment, events: events.filter((event) => event.shipmentId === shipment.id) })),
      refunds: refunds.filter((refund) => refund.orderId === order.id),
    })),
    offers,
  };
}
