import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import type { WebhookEventContext } from "~/webhooks/handler";
import { parseShopifyJson } from "~/webhooks/payload";
import { redactCustomer } from "../customer-redact.server";
import { exportCustomerData } from "../data-request.server";
import { SHOP_DATA_MODELS } from "../shop-data-models";
import { redactShopWebhook } from "../shop-redact.server";
import { ADA, ADA_GUEST_ORDER, ADA_ORDER, BO, BO_ORDER, countShopRows, seedShop } from "./shop-fixture";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SHOP = "privacy.myshopify.com";
const OTHER_SHOP = "privacy-neighbour.myshopify.com";
const NOW: WebhookEventContext = { id: "evt", topic: "compliance", triggeredAt: new Date(), receivedAt: new Date() };

const adaRequest = (shop = SHOP) => ({
  shop_id: 954889,
  shop_domain: shop,
  customer: { id: Number(ADA.legacyId), email: ADA.email, phone: ADA.phone },
  orders_requested: [Number(ADA_ORDER.legacyId), Number(ADA_GUEST_ORDER.legacyId)],
  orders_to_redact: [Number(ADA_ORDER.legacyId), Number(ADA_GUEST_ORDER.legacyId)],
  data_request: { id: 9999 },
});

beforeEach(async () => {
  for (const shop of [SHOP, OTHER_SHOP]) {
    for (const model of SHOP_DATA_MODELS) {
      const delegate = (prisma() as unknown as Record<string, { deleteMany(args: object): Promise<unknown> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
      await delegate.deleteMany({ where: { shop } });
    }
    await seedShop(prisma(), shop);
  }
});

describe("customers/data_request", () => {
  it("GIVEN Ada's request WHEN applied THEN a completed PrivacyRequest exports her record, orders, items, shipments and events only", async () => {
    await exportCustomerData(prisma(), SHOP, adaRequest(), NOW);

    const request = await prisma().privacyRequest.findFirstOrThrow({ where: { shop: SHOP, kind: "customers/data_request", status: "completed" } });
    expect(request.customerId).toBe(ADA.gid);
    const exported = JSON.parse(request.export!);
    expect(exported.customer).toMatchObject({ id: ADA.gid, email: ADA.email });
    expect(exported.dataRequestId).toBe("9999");
    expect(exported.orders.map((order: { id: string }) => order.id).sort()).toEqual([ADA_GUEST_ORDER.gid, ADA_ORDER.gid].sort());
    const order = exported.orders.find((candidate: { id: string }) => candidate.id === ADA_ORDER.gid);
    expect(order.lineItems).toHaveLength(1);
    expect(order.fulfillments).toHaveLength(1);
    expect(order.refunds).toHaveLength(1);
    expect(order.shipments).toHaveLength(1);
    expect(order.shipments[0].events).toHaveLength(1);
    expect(request.export).not.toContain(BO.email);
    expect(request.export).not.toContain(BO_ORDER.gid);
  });

  it("GIVEN Ada's offer decision, next-order code and counted impression WHEN her data is requested THEN the export reports them", async () => {
    await exportCustomerData(prisma(), SHOP, adaRequest(), NOW);

    const request = await prisma().privacyRequest.findFirstOrThrow({ where: { shop: SHOP, kind: "customers/data_request", status: "completed" } });
    const exported = JSON.parse(request.export!);
    expect(exported.offers.decisions).toEqual([expect.objectContaining({ referenceId: "ref-ada", offerId: "socks", customerId: ADA.gid })]);
    expect(exported.offers.discountCodes).toEqual([expect.objectContaining({ code: "THANKS-ADA", customerId: ADA.gid })]);
    expect(exported.offers.events).toEqual([expect.objectContaining({ orderKey: ADA_ORDER.gid, kind: "impression" })]);
  });

  it("GIVEN a request naming another shop WHEN applied THEN it is refused and nothing is exported", async () => {
    await expect(exportCustomerData(prisma(), SHOP, adaRequest(OTHER_SHOP), NOW)).rejects.toThrow(/shop_domain/);

    expect(await prisma().privacyRequest.count({ where: { shop: SHOP, status: "completed" } })).toBe(0);
  });
});

describe("customers/redact", () => {
  it("GIVEN Ada's redaction WHEN applied THEN her personal data is gone everywhere and her orders stay, anonymised", async () => {
    await redactCustomer(prisma(), SHOP, adaRequest(), NOW);

    const customer = await prisma().customer.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: ADA.gid } } });
    expect(customer).toMatchObject({ email: null, phone: null, firstName: null });
    expect(customer.redactedAt).toBeInstanceOf(Date);
    const orders = await prisma().order.findMany({ where: { shop: SHOP, id: { in: [ADA_ORDER.gid, ADA_GUEST_ORDER.gid] } } });
    expect(orders).toHaveLength(2);
    for (const order of orders) {
      expect(order).toMatchObject({ email: null, phone: null, customerFirstName: null, shippingZip: null, totalPrice: "10.00" });
      expect(order.redactedAt).toBeInstanceOf(Date);
    }
    expect((await prisma().trackingEvent.findFirstOrThrow({ where: { shop: SHOP, externalId: "event-1" } })).zip).toBeNull();
    const webhook = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, webhookId: "ada-order" } });
    expect(webhook.payload).not.toContain(ADA.email);
    expect(webhook.payload).not.toContain("Rivoli");
    expect(parseShopifyJson(webhook.payload)).toMatchObject({ id: Number(ADA_ORDER.legacyId), name: "#1001", line_items: [{ name: "Tea" }] });
    expect((await prisma().privacyRequest.findFirstOrThrow({ where: { shop: SHOP, customerId: ADA.gid, kind: "customers/data_request" } })).export).toBeNull();
  });

  it("GIVEN Ada's offer decision and next-order code WHEN she is redacted THEN neither names her any more, and the other shop's still do", async () => {
    await redactCustomer(prisma(), SHOP, adaRequest(), NOW);

    const decision = await prisma().offerDecision.findFirstOrThrow({ where: { shop: SHOP, referenceId: "ref-ada" } });
    expect(decision).toMatchObject({ customerId: null, offerId: "socks" });
    const code = await prisma().offerDiscountCode.findFirstOrThrow({ where: { shop: SHOP, code: "THANKS-ADA" } });
    expect(code.customerId).toBe(`redacted:${code.id}`);
    expect(await prisma().offerDecision.count({ where: { shop: SHOP, customerId: ADA.gid } })).toBe(0);
    expect(await prisma().offerDiscountCode.count({ where: { shop: SHOP, customerId: ADA.gid } })).toBe(0);
    expect(await prisma().offerDecision.count({ where: { shop: OTHER_SHOP, customerId: ADA.gid } })).toBe(1);
    expect(await prisma().offerDiscountCode.count({ where: { shop: OTHER_SHOP, customerId: ADA.gid } })).toBe(1);
  });

  it("GIVEN Ada's redaction WHEN applied THEN Bo and the other shop's Ada are untouched", async () => {
    const otherShopBefore = await prisma().order.findMany({ where: { shop: OTHER_SHOP }, orderBy: { id: "asc" } });

    await redactCustomer(prisma(), SHOP, adaRequest(), NOW);

    expect(await prisma().customer.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: BO.gid } } })).toMatchObject({ email: BO.email, redactedAt: null });
    expect(await prisma().order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: BO_ORDER.gid } } })).toMatchObject({ email: BO.email, shippingZip: "10115" });
    expect((await prisma().trackingEvent.findFirstOrThrow({ where: { shop: SHOP, externalId: "event-2" } })).zip).toBe("10115");
    expect((await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, webhookId: "bo-order" } })).payload).toContain(BO.email);
    expect(await prisma().order.findMany({ where: { shop: OTHER_SHOP }, orderBy: { id: "asc" } })).toEqual(otherShopBefore);
    expect((await prisma().webhookEvent.findFirstOrThrow({ where: { shop: OTHER_SHOP, webhookId: "ada-order" } })).payload).toContain(ADA.email);
  });

  it("GIVEN a redaction without a customer id WHEN applied THEN the listed orders are still anonymised", async () => {
    await redactCustomer(prisma(), SHOP, { shop_domain: SHOP, customer: { email: ADA.email }, orders_to_redact: [Number(ADA_GUEST_ORDER.legacyId)] }, NOW);

    expect((await prisma().order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: ADA_GUEST_ORDER.gid } } })).email).toBeNull();
  });
});

describe("shop/redact", () => {
  it("GIVEN two shops with rows in every table WHEN one is redacted THEN all of its rows are gone and the other's all remain", async () => {
    const otherBefore = await countShopRows(prisma(), OTHER_SHOP);
    await prisma().shop.update({ where: { shop: SHOP }, data: { uninstalledAt: new Date(Date.now() - 49 * 3600_000) } });

    await redactShopWebhook(prisma(), SHOP, { shop_id: 954889, shop_domain: SHOP }, NOW);

    const after = await countShopRows(prisma(), SHOP);
    expect(Object.values(after).every((count) => count === 0)).toBe(true);
    expect(await countShopRows(prisma(), OTHER_SHOP)).toEqual(otherBefore);
    expect(Object.values(otherBefore).every((count) => count > 0)).toBe(true);
  });

  it("GIVEN a shop reinstalled after the redaction was triggered WHEN a late shop/redact is applied THEN nothing is deleted", async () => {
    const before = await countShopRows(prisma(), SHOP);
    const triggeredBeforeInstall = { ...NOW, triggeredAt: new Date(Date.now() - 3600_000) };

    await redactShopWebhook(prisma(), SHOP, { shop_domain: SHOP }, triggeredBeforeInstall);

    expect(await countShopRows(prisma(), SHOP)).toEqual(before);
  });

  it("GIVEN a shop/redact naming another shop WHEN applied THEN it is refused and nothing is deleted", async () => {
    await expect(redactShopWebhook(prisma(), SHOP, { shop_domain: OTHER_SHOP }, NOW)).rejects.toThrow(/shop_domain/);

    expect((await countShopRows(prisma(), SHOP)).Order).toBe(3);
  });
});
