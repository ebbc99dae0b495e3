import type { DbClient } from "~/db.server";
import type { WebhookHandler } from "~/webhooks/handler";
import { parseShopifyJson } from "~/webhooks/payload";
import { parsePayload } from "~/orders/payload-fields";
import { redactOfferCustomer } from "~/offers/customer-data.server";
import { customerRedactSchema } from "./compliance-payloads";
import { findSubjectOrderIds, privacySubject } from "./customer-records.server";
import { mentionsAny, scrubPersonalData } from "./scrub";
import { throwIfOtherShop } from "./shop-guard";

export const CUSTOMER_REDACT_KIND = "customers/redact";
const WEBHOOK_SCAN_PAGE = 200;

/**
 * customers/redact: removes the customer's personal data everywhere we hold it. Their orders stay, anonymised,
 * because the merchant's analytics and the returns history still need them.
 */
export const redactCustomer: WebhookHandler = async (client, shop, payload) => {
  const request = parsePayload(CUSTOMER_REDACT_KIND, customerRedactSchema, payload);
  throwIfOtherShop(request.shop_domain, shop);
  const subject = privacySubject(request.customer.id, request.orders_to_redact);
  const now = new Date();
  const orderIds = await findSubjectOrderIds(client, shop, subject);

  if (subject.customerId) {
    await client.customer.updateMany({
      where: { shop, id: subject.customerId },
      data: { email: null, phone: null, firstName: null, redactedAt: now },
    });
    await client.privacyRequest.updateMany({ where: { shop, customerId: subject.customerId }, data: { export: null } });
    await redactOfferCustomer(client, shop, subject.customerId);
  }
  await client.order.updateMany({
    where: { shop, id: { in: orderIds } },
    data: { email: null, phone: null, customerFirstName: null, shippingZip: null, redactedAt: now },
  });
  const shipments = await client.shipment.findMany({ where: { shop, orderId: { in: orderIds } }, select: { id: true } });
  // A delivery scan's postal code is the customer's own.
  await client.trackingEvent.updateMany({
    where: { shop, shipmentId: { in: shipments.map((shipment) => shipment.id) } },
    data: { zip: null },
  });
  const legacyIds = [request.customer.id, ...request.orders_to_redact, ...orderIds.map((id) => id.slice(id.lastIndexOf("/") + 1))];
  const contacts = [request.customer.email, request.customer.phone];
  await scrubStoredWebhooks(client, shop, [...legacyIds, ...contacts].filter((needle): needle is string => Boolean(needle)));
  await client.privacyRequest.create({
    data: { shop, kind: CUSTOMER_REDACT_KIND, customerId: subject.customerId, status: "completed", completedAt: now },
  });
};

/** Scrubs personal fields from every stored webhook payload that mentions one of `needles`. */
async function scrubStoredWebhooks(client: DbClient, shop: string, needles: string[]): Promise<void> {
  if (!needles.length) return;
  const exact = new Set(needles.map((needle) => needle.toLowerCase()));
  // LIKE narrows the scan; the exact check on parsed values rules out digits that merely appear inside others.
  const where = { shop, OR: [...new Set(needles)].map((needle) => ({ payload: { contains: needle } })) };
  let cursor: string | undefined;
  for (;;) {
    const page = await client.webhookEvent.findMany({
      where: cursor ? { ...where, id: { gt: cursor } } : where,
      select: { id: true, payload: true },
      orderBy: { id: "asc" },
      take: WEBHOOK_SCAN_PAGE,
    });
    for (const event of page) {
      const stored = parseStoredPayload(event.payload);
      if (!stored || !mentionsAny(stored, exact)) continue;
      await client.webhookEvent.updateMany({
        where: { shop, id: event.id },
        data: { payload: JSON.stringify(scrubPersonalData(stored)) },
      });
    }
    if (page.length < WEBHOOK_SCAN_PAGE) return;
    cursor = page.at(-1)!.id;
  }
}

function parseStoredPayload(payload: string) {
  try {
    return parseShopifyJson(payload);
  } catch {
    return undefined;
  }
}
