import type { Db } from "~/db.server";
import type { ModelName } from "../shop-data-models";

/** Customer "Ada" is the subject of the privacy tests; "Bo" is the neighbour whose data must stay. */
export const ADA = { legacyId: "191167", gid: "gid://shopify/Customer/191167", email: "ada@example.com", phone: "+15556251199" };
export const BO = { legacyId: "555", gid: "gid://shopify/Customer/555", email: "bo@example.com", phone: "+15550000000" };
/** Ada's order under her customer id, her guest order (only Shopify's list names it), and Bo's order. */
export const ADA_ORDER = { legacyId: "299938", gid: "gid://shopify/Order/299938" };
export const ADA_GUEST_ORDER = { legacyId: "280263", gid: "gid://shopify/Order/280263" };
export const BO_ORDER = { legacyId: "777", gid: "gid://shopify/Order/777" };

const at = new Date("2026-11-01T10:00:00Z");

function orderWebhookPayload(orderLegacyId: string, customer: typeof ADA) {
  return JSON.stringify({
    id: Number(orderLegacyId),
    name: "#1001",
    email: customer.email,
    phone: customer.phone,
    customer: { id: Number(customer.legacyId), email: customer.email, first_name: "First", last_name: "Last" },
    shipping_address: { name: "First Last", address1: "1 Rue de Rivoli", zip: "75001", city: "Paris", country: "France" },
    line_items: [{ id: 1, name: "Tea", title: "Tea" }],
  });
}

/**
 * Seeds rows for Ada and Bo in every model. Typed by model name, so adding a model to the schema breaks this
 * fixture until it seeds that model too, and the shop/redact test then proves the model is erased.
 */
const seeders: Record<ModelName, (prisma: Db, shop: string) => Promise<unknown>> = {
  Session: (prisma, shop) =>
    prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "token", email: "staff@example.com" } }),
  Shop: (prisma, shop) => prisma.shop.create({ data: { shop, name: "Tea", email: "owner@example.com" } }),
  Customer: (prisma, shop) =>
    prisma.customer.createMany({
      data: [ADA, BO].map((person) => ({ shop, id: person.gid, email: person.email, phone: person.phone, firstName: "First", locale: "fr" })),
    }),
  Order: (prisma, shop) =>
    prisma.order.createMany({
      data: [
        { id: ADA_ORDER.gid, customerId: ADA.gid, email: ADA.email, phone: ADA.phone, customerFirstName: "Ada", shippingZip: "75001" },
        { id: ADA_GUEST_ORDER.gid, customerId: null, email: ADA.email, phone: null, customerFirstName: "Ada", shippingZip: "75001" },
        { id: BO_ORDER.gid, customerId: BO.gid, email: BO.email, phone: BO.phone, customerFirstName: "Bo", shippingZip: "10115" },
      ].map((order) => ({ ...order, shop, name: `#${order.id.slice(-3)}`, shippingCity: "City", totalPrice: "10.00", processedAt: at, shopifyUpdatedAt: at })),
    }),
  LineItem: (prisma, shop) =>
    prisma.lineItem.createMany({
      data: [ADA_ORDER, BO_ORDER].map((order, index) => ({ shop, id: `gid://shopify/LineItem/${index + 1}`, orderId: order.gid, title: "Tea", quantity: 1 })),
    }),
  ShippingLine: (prisma, shop) =>
    prisma.shippingLine.createMany({
      data: [ADA_ORDER, BO_ORDER].map((order, index) => ({ shop, id: `gid://shopify/ShippingLine/${index + 1}`, orderId: order.gid, title: "Standard", price: "8.00", currencyCode: "EUR" })),
    }),
  Fulfillment: (prisma, shop) =>
    prisma.fulfillment.createMany({
      data: [ADA_ORDER, BO_ORDER].map((order, index) => ({
        shop,
        id: `gid://shopify/Fulfillment/${index + 1}`,
        orderId: order.gid,
        status: "success",
        shopifyCreatedAt: at,
        shopifyUpdatedAt: at,
      })),
    }),
  FulfillmentLineItem: (prisma, shop) =>
    prisma.fulfillmentLineItem.createMany({
      data: [1, 2].map((index) => ({ shop, fulfillmentId: `gid://shopify/Fulfillment/${index}`, lineItemId: `gid://shopify/LineItem/${index}`, quantity: 1 })),
    }),
  Shipment: (prisma, shop) =>
    prisma.shipment.createMany({
      data: [ADA_ORDER, BO_ORDER].map((order, index) => ({
        shop,
        id: `${shop}-shipment-${index + 1}`,
        orderId: order.gid,
        fulfillmentId: `gid://shopify/Fulfillment/${index + 1}`,
        trackingNumber: `TRACK${index + 1}`,
        status: "delivered",
        statusAt: at,
      })),
    }),
  TrackingEvent: (prisma, shop) =>
    prisma.trackingEvent.createMany({
      data: [1, 2].map((index) => ({
        shop,
        shipmentId: `${shop}-shipment-${index}`,
        source: "shopify",
        externalId: `event-${index}`,
        status: "delivered",
        happenedAt: at,
        city: "City",
        zip: index === 1 ? "75001" : "10115",
      })),
    }),
  Refund: (prisma, shop) =>
    prisma.refund.createMany({
      data: [ADA_ORDER, BO_ORDER].map((order, index) => ({ shop, id: `gid://shopify/Refund/${index + 1}`, orderId: order.gid, amount: "5.00", shopifyCreatedAt: at })),
    }),
  WebhookEvent: (prisma, shop) =>
    prisma.webhookEvent.createMany({
      data: [
        { webhookId: "ada-order", topic: "orders/create", payload: orderWebhookPayload(ADA_ORDER.legacyId, ADA) },
        { webhookId: "bo-order", topic: "orders/create", payload: orderWebhookPayload(BO_ORDER.legacyId, BO) },
      ].map((event) => ({ ...event, shop, status: "processed" })),
    }),
  TrackingPageEvent: (prisma, shop) =>
    prisma.trackingPageEvent.createMany({
      data: [ADA_ORDER, BO_ORDER].map((order) => ({ shop, orderId: order.gid, kind: "view", visitorHash: "hashed-visitor", occurredAt: at })),
    }),
  TrackingPageRateLimit: (prisma, shop) => prisma.trackingPageRateLimit.create({ data: { shop, subject: "hashed-ip", windowIndex: 1, hits: 1 } }),
  CarrierSource: (prisma, shop) => prisma.carrierSource.create({ data: { shop, provider: "easypost", webhookSecret: "whsec-0123456789abcdef" } }),
  CarrierUpdate: (prisma, shop) => prisma.carrierUpdate.create({ data: { shop, provider: "easypost", externalId: "evt_1", payload: "{}" } }),
  NotificationMessage: (prisma, shop) =>
    prisma.notificationMessage.create({
      data: { shop, dedupeKey: "order:ada:confirmed:email", trigger: "order_confirmed", channel: "email", orderId: ADA_ORDER.gid, occurredAt: at, sendAt: at },
    }),
  NotificationSuppression: (prisma, shop) =>
    prisma.notificationSuppression.create({ data: { shop, channel: "email", addressHash: "hashed-address", reason: "unsubscribed" } }),
  NotificationSettings: (prisma, shop) => prisma.notificationSettings.create({ data: { shop } }),
  NotificationTemplate: (prisma, shop) =>
    prisma.notificationTemplate.create({ data: { shop, trigger: "shipped", channel: "email", locale: "en", subject: "Ada's {orderName} is on its way" } }),
  ReturnCase: (prisma, shop) =>
    prisma.returnCase.createMany({
      data: [
        { id: "return-ada", orderId: ADA_ORDER.gid, customerId: ADA.gid, idempotencyKey: "key-ada" },
        { id: "return-bo", orderId: BO_ORDER.gid, customerId: BO.gid, idempotencyKey: "key-bo" },
      ].map((row) => ({
        ...row,
        shop,
        status: "requested",
        outcome: "refund",
        decision: "{}",
        currency: "EUR",
        itemsValue: "10.00",
        fees: "0.00",
        refundAmount: "10.00",
        storeCreditAmount: "0.00",
        bonusAmount: "0.00",
        exchangeValue: "0.00",
        amountDue: "0.00",
        requestedAt: at,
      })),
    }),
  ReturnLine: (prisma, shop) =>
    prisma.returnLine.createMany({
      data: ["return-ada", "return-bo"].map((returnId, index) => ({
        shop,
        returnId,
        fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${index + 1}`,
        lineItemId: `gid://shopify/LineItem/${index + 1}`,
        title: "Tea",
        quantity: 1,
        reason: "defective",
        note: "Broken lid",
        value: "10.00",
      })),
    }),
  ReturnPhoto: (prisma, shop) =>
    prisma.returnPhoto.createMany({ data: ["return-ada", "return-bo"].map((returnId) => ({ shop, returnId, lineItemId: "gid://shopify/LineItem/1", key: `${returnId}.jpg` })) }),
  ReturnLabel: (prisma, shop) =>
    prisma.returnLabel.createMany({ data: ["return-ada", "return-bo"].map((returnId) => ({ shop, returnId, provider: "uploaded", labelUrl: `https://labels.example/${returnId}.pdf` })) }),
  ReturnLabelSettings: (prisma, shop) => prisma.returnLabelSettings.create({ data: { shop, provider: "easypost", apiKeyCipher: "v1.iv.tag.cipher", apiKeyHint: "1234" } }),
  ReturnEvent: (prisma, shop) =>
    prisma.returnEvent.createMany({
      data: ["return-ada", "return-bo"].map((returnId) => ({ shop, returnId, kind: "requested", text: "Return requested", actor: "shopper", at })),
    }),
  ShipmentException: (prisma, shop) =>
    prisma.shipmentException.create({
      data: { shop, kind: "stalled", orderId: ADA_ORDER.gid, openKey: "order:ada:stalled", evidence: "{}", since: at, detectedAt: at },
    }),
  ExceptionAction: (prisma, shop) =>
    prisma.exceptionAction.create({ data: { shop, exceptionId: "ada-flag", action: "notify_support", requestedBy: "auto", status: "succeeded", completedAt: at } }),
  ExceptionDigest: (prisma, shop) => prisma.exceptionDigest.create({ data: { shop, period: "2026-11-01", status: "sent", since: at, until: at, exceptionCount: 1 } }),
  DeliveryObservation: (prisma, shop) =>
    prisma.deliveryObservation.create({
      data: { shop, shipmentId: `${shop}-shipment-1`, orderId: ADA_ORDER.gid, originId: "default", originCountry: "FR", destinationCountry: "FR", placedAt: at, handedOffAt: at, deliveredAt: at },
    }),
  DeliveryPromise: (prisma, shop) =>
    prisma.deliveryPromise.create({
      data: { shop, orderId: ADA_ORDER.gid, stage: "purchase", basisKey: "purchase", promisedDate: "2026-11-05", earliestDate: "2026-11-04", explanation: "{}", madeAt: at },
    }),
  DeliveryQuote: (prisma, shop) =>
    prisma.deliveryQuote.create({ data: { shop, country: "FR", region: "", validOn: "2026-11-01", earliestDate: "2026-11-04", promisedDate: "2026-11-05", computedAt: at } }),
  DeliveryVariantOrigin: (prisma, shop) =>
    prisma.deliveryVariantOrigin.create({ data: { shop, variantId: "gid://shopify/ProductVariant/1", originId: "gid://shopify/Location/1", parcels: 3 } }),
  ReturnPolicyVersion: (prisma, shop) => prisma.returnPolicyVersion.create({ data: { shop, version: 1, document: "{}", current: true } }),
  Offer: (prisma, shop) =>
    prisma.offer.create({ data: { shop, id: "socks", name: "Socks", document: JSON.stringify({ id: "socks", name: "Socks", product: { kind: "recommended" } }) } }),
  OfferEvent: (prisma, shop) =>
    prisma.offerEvent.create({ data: { shop, offerId: "socks", armId: "", surface: "thank_you", orderKey: ADA_ORDER.gid, kind: "impression" } }),
  OfferDecision: (prisma, shop) =>
    prisma.offerDecision.create({
      data: { shop, referenceId: "ref-ada", offerId: "socks", armId: "", customerId: ADA.gid, purchaseKey: "1x1", variantId: "gid://shopify/ProductVariant/1", quantity: 1, unitPrice: "5.00", discountedUnitPrice: "4.00", currencyCode: "EUR" },
    }),
  OfferDiscountCode: (prisma, shop) =>
    prisma.offerDiscountCode.create({ data: { shop, offerId: "socks", customerId: ADA.gid, purpose: "next_order", code: "THANKS-ADA", title: "Thanks", label: "10% off your next order", endsAt: at } }),
  Job: (prisma, shop) => prisma.job.create({ data: { shop, name: "orders.reconcile", payload: "{}" } }),
  PrivacyRequest: (prisma, shop) =>
    prisma.privacyRequest.createMany({
      data: [ADA, BO].map((person) => ({ shop, kind: "customers/data_request", customerId: person.gid, export: `{"email":"${person.email}"}` })),
    }),
};

/** Seeds a shop with rows in every model. */
export async function seedShop(prisma: Db, shop: string): Promise<void> {
  for (const seed of Object.values(seeders)) await seed(prisma, shop);
}

/** How many rows the shop has in each model (through the delegate named after the model). */
export async function countShopRows(prisma: Db, shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Object.keys(seeders)) {
    const delegate = (prisma as unknown as Record<string, { count(args: object): Promise<number> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
    counts[model] = await delegate.count({ where: { shop } });
  }
  return counts;
}
