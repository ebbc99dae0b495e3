import { beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { loader as lookupFormLoader } from "~/routes/proxy._index";
import { action as lookupAction } from "~/routes/proxy.lookup";
import { loader as orderPageLoader } from "~/routes/proxy.o.$token";
import { loader as clickLoader } from "~/routes/proxy.r.$token";
import { useTestDatabase } from "~/test/database";
import { getTrackingPageAnalytics } from "../analytics.server";
import { signClickLink, signOrderLink } from "../signed-links.server";
import { OTHER_SHOP, SHOP, SPLIT_ORDER, seedOrder, seedShopRow } from "./order-fixture";
import { proxyRequest, type ProxyRequestOptions } from "./proxy-requests";
import { LOOKUP_RATE_LIMIT } from "../rate-limit.server";

const database = useTestDatabase();
const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** A route's answer, whether it returned or threw its Response (the library throws on bad signatures). */
async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const openForm = (shop: string, options?: ProxyRequestOptions) => answer(() => lookupFormLoader(routeArgs(proxyRequest(shop, "", options))));
const lookUp = (shop: string, form: Record<string, string>, ip: string, options: ProxyRequestOptions = {}) =>
  answer(() => lookupAction(routeArgs(proxyRequest(shop, "/lookup", { ...options, form, headers: { "x-forwarded-for": ip, ...options.headers } }))));
const openOrder = (shop: string, token: string, options?: ProxyRequestOptions) =>
  answer(() => orderPageLoader(routeArgs(proxyRequest(shop, `/o/${token}`, options), { token })));
const click = (shop: string, token: string, options?: ProxyRequestOptions) =>
  answer(() => clickLoader(routeArgs(proxyRequest(shop, `/r/${token}`, options), { token })));

let splitOrderId = "";
let rivalOrderId = "";
let hostileOrderId = "";
let bigOrderId = "";

const MARKETING = {
  trackingPage: { marketing: { enabled: true, bannerText: "Winter blends are here", bannerUrl: "https://tea-house.example/winter", discountCode: "THANKS10", recommendations: false } },
};

beforeAll(async () => {
  const prisma = database.get().prisma;
  await seedShopRow(prisma, SHOP, MARKETING);
  await seedShopRow(prisma, OTHER_SHOP, { returns: { enabled: false } });
  splitOrderId = await seedOrder(prisma, SHOP, SPLIT_ORDER);
  // The rival shop has an order with the same name and email: it must never show on Tea House's page.
  rivalOrderId = await seedOrder(prisma, OTHER_SHOP, { ...SPLIT_ORDER, number: "7001", name: "#7001", items: [{ title: "Rival Secret Item", quantity: 1 }], fulfillments: [] });
  hostileOrderId = await seedOrder(prisma, SHOP, {
    number: "5002",
    name: "#5002",
    email: "x@example.com",
    items: [{ title: 'Mug <img src=x onerror="alert(1)">', quantity: 1 }],
    fulfillments: [
      {
        items: [[0, 1]],
        parcels: [
          {
            trackingNumber: "TRK<b>1</b>",
            carrier: '"><script>alert("carrier")</script>',
            trackingUrl: "javascript:alert(1)",
            status: "exception",
            events: [["exception", "2026-11-21T10:00:00Z", "<script>alert('scan')</script> & more", "<i>Town</i>"]],
          },
        ],
      },
    ],
  });
  const twentyEvents = (day: number): [string, string, string, string][] =>
    Array.from({ length: 20 }, (_, index) => [
      "in_transit",
      new Date(Date.UTC(2026, 10, day, index)).toISOString(),
      "Arrived at sort facility and departed towards the destination hub",
      "Frankfurt am Main",
    ]);
  bigOrderId = await seedOrder(prisma, SHOP, {
    number: "5003",
    name: "#5003",
    email: "big@example.com",
    items: [
      { title: "Ceremonial Grade Matcha Starter Set", variantTitle: "Large / Gift box", quantity: 1 },
      { title: "Hand-thrown Stoneware Tea Bowl", variantTitle: "Celadon", quantity: 2 },
      { title: "Japanese Cast Iron Kettle", variantTitle: "0.8 l", quantity: 1 },
    ],
    fulfillments: [0, 1, 2].map((index) => ({
      items: [[index, 1]] as [number, number][],
      parcels: [{ trackingNumber: `JD01460000123456789${index}`, carrier: "DHL Express", trackingUrl: `https://www.dhl.com/track?id=${index}`, status: "in_transit", events: twentyEvents(21 + index) }],
    })),
  });
});

describe("app proxy signature", () => {
  it.each([
    ["a valid signature", 200, {}],
    ["a signature made with another secret", 400, { secret: "forged-secret" }],
    ["no signature", 400, { unsigned: true }],
    ["a timestamp two minutes old", 400, { timestamp: Math.floor(Date.now() / 1000) - 120 }],
  ] satisfies [string, number, ProxyRequestOptions][])("GIVEN %s WHEN the look-up form is requested THEN it answers %i", async (_label, status, options) => {
    const response = await openForm(SHOP, options);

    expect(response.status).toBe(status);
  });

  it("GIVEN a signed request WHEN a parameter is added afterwards THEN it answers 400", async () => {
    const request = proxyRequest(SHOP, "");
    const url = new URL(request.url);
    url.searchParams.set("shop", OTHER_SHOP);

    const response = await answer(() => lookupFormLoader(routeArgs(new Request(url))));

    expect(response.status).toBe(400);
  });

  it("GIVEN a valid request WHEN the form is served THEN it is branded HTML that posts to the look-up relative to the page", async () => {
    const response = await openForm(SHOP);
    const body = await response.text();

    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(body).toContain('action="./track/lookup"');
    expect(body).toContain("Tea House");
    expect(body).not.toContain("<script");
  });
});

describe("order look-up", () => {
  it("GIVEN the order number without # and the email in other capitals WHEN looked up THEN the order's page is the answer", async () => {
    const response = await lookUp(SHOP, { order: " 5001 ", email: "shopper@EXAMPLE.com", locale: "de" }, "198.51.100.1");

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.text();
    expect(body).toContain("Bestellung #5001");
    expect(body).toContain('href="../track"');
  });

  it("GIVEN a parcel's tracking number instead of the order number WHEN looked up with the email THEN the order's page is the answer", async () => {
    const response = await lookUp(SHOP, { order: "", trackingNumber: " 1Z999AA10123456795 ", email: "shopper@example.com" }, "198.51.100.2");

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Order #5001");
  });

  it("GIVEN misses of every kind WHEN looked up THEN each answers 404 with byte-identical bodies", async () => {
    const misses: Record<string, string>[] = [
      { order: "#9999", email: "shopper@example.com" },
      { order: "#5001", email: "someone-else@example.com" },
      { order: "#7001", email: "shopper@example.com" },
      { order: "#5001", email: "" },
      { order: "<script>alert(1)</script>", email: "a@b.c" },
      { order: "", trackingNumber: "1Z999AA10123456784", email: "someone-else@example.com" },
      { order: "", trackingNumber: "", email: "shopper@example.com" },
    ];
    const responses = await Promise.all(misses.map((form, index) => lookUp(SHOP, form, `198.51.100.${10 + index}`)));

    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(responses.map((response) => response.status)).toEqual(misses.map(() => 404));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain("couldn&#x27;t find an order");
    expect(bodies[0]).not.toContain("Rival");
  });

  it("GIVEN ten attempts from one address WHEN an eleventh comes THEN it is refused with 429 while other addresses and shops still work", async () => {
    // The limit counts in fixed 10-minute windows: hold the clock mid-window, or a run that crosses a boundary starts counting afresh.
    const windowMs = LOOKUP_RATE_LIMIT.windowSeconds * 1000;
    vi.useFakeTimers({ toFake: ["Date"], now: Math.floor(Date.now() / windowMs) * windowMs + windowMs / 2 });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const ip = "192.0.2.55";
    for (let attempt = 0; attempt < 10; attempt++) expect((await lookUp(SHOP, { order: "#1", email: "a@b.c" }, ip)).status).toBe(404);

    const refused = await lookUp(SHOP, { order: "#5001", email: "shopper@example.com" }, ip);
    const otherAddress = await lookUp(SHOP, { order: "#5001", email: "shopper@example.com" }, "192.0.2.56");
    const otherShop = await lookUp(OTHER_SHOP, { order: "#7001", email: "shopper@example.com" }, ip);

    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many attempts");
    expect(otherAddress.status).toBe(200);
    expect(otherShop.status).toBe(200);
    const stored = await database.get().prisma.trackingPageRateLimit.findMany({ where: { shop: SHOP } });
    expect(JSON.stringify(stored)).not.toContain(ip);
  });
});

describe("signed order links", () => {
  it("GIVEN bad links of every kind WHEN opened THEN each answers 404 with one body that names no order", async () => {
    const valid = await signOrderLink({ shop: SHOP, orderId: splitOrderId });
    const [header, payload, signature] = valid.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ s: SHOP, o: "5002", aud: "tp:o", exp: 4102444800 })).toString("base64url");
    const tokens = {
      "signature changed": `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`,
      "payload swapped": `${header}.${forgedPayload}.${signature}`,
      expired: await signOrderLink({ shop: SHOP, orderId: splitOrderId }, { now: new Date(Date.now() - 200 * 86_400_000) }),
      "made for another shop": await signOrderLink({ shop: OTHER_SHOP, orderId: rivalOrderId }),
      "this shop's token for another shop's order": await signOrderLink({ shop: SHOP, orderId: rivalOrderId }),
      "a click token": await signClickLink({ shop: SHOP, orderId: splitOrderId, target: "banner", url: "https://tea-house.example/" }),
      garbage: "not-a-token",
    };

    const responses = await Promise.all(Object.values(tokens).map((token) => openOrder(SHOP, token)));
    const bodies = await Promise.all(responses.map((response) => response.text()));

    expect(responses.map((response) => response.status)).toEqual(Object.keys(tokens).map(() => 404));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain("invalid or has expired");
    expect(bodies[0]).not.toMatch(/#5001|#7001|Rival Secret Item/);
  });

  it("GIVEN a valid link opened through another shop's proxy WHEN opened THEN it is a 404 too", async () => {
    const token = await signOrderLink({ shop: SHOP, orderId: splitOrderId });

    const response = await openOrder(OTHER_SHOP, token);

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("#5001");
  });
});

describe("order page content", () => {
  async function orderPage(orderId: string, options?: ProxyRequestOptions): Promise<string> {
    const response = await openOrder(SHOP, await signOrderLink({ shop: SHOP, orderId }), options);
    expect(response.status).toBe(200);
    return response.text();
  }

  it("GIVEN a split order WHEN shown THEN every parcel has its status, carrier link, items and timeline, and unshipped items are listed", async () => {
    const body = await orderPage(splitOrderId);

    expect(body.match(/Parcel \d of 3/g)).toEqual(["Parcel 1 of 3", "Parcel 2 of 3", "Parcel 3 of 3"]);
    const [, first, second, third] = body.split(/<section class="card/);
    expect(first).toContain("In transit");
    expect(first).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
    expect(first).toContain("Sencha Tin — 100 g");
    expect(first).toContain("These items travel in 2 parcels.");
    expect(first!.indexOf("Departed facility")).toBeLessThan(first!.indexOf("Picked up by UPS"));
    expect(first).toContain("Label printed");
    expect(first).toContain("Estimated delivery");
    expect(second).toContain("1Z999AA10123456795");
    expect(second).toContain("Label printed");
    expect(second).not.toContain("Departed facility");
    expect(third).toContain("Delivered, front door");
    expect(third).toContain("Cast Iron Teapot");
    expect(third).not.toContain("Estimated delivery");
    expect(body).toContain("Preparing your order");
    expect(body).toMatch(/Bamboo Whisk/);
    // 08:30 UTC is 09:30 in the shop's zone (Europe/Berlin).
    expect(first).toContain("9:30");
  });

  it("GIVEN an order shipped abroad WHEN shown THEN times are in the shopper's zone, not the shop's", async () => {
    const prisma = database.get().prisma;
    await prisma.order.updateMany({ where: { shop: SHOP, id: splitOrderId }, data: { shippingCountry: "JP" } });
    try {
      const body = await orderPage(splitOrderId);

      // 08:30 UTC is 17:30 in Tokyo (the shop itself is in Europe/Berlin).
      expect(body).toContain("Times shown in Japan Standard Time.");
      expect(body).toContain("5:30");
    } finally {
      await prisma.order.updateMany({ where: { shop: SHOP, id: splitOrderId }, data: { shippingCountry: null } });
    }
  });

  it("GIVEN HTML in carrier, item and scan text and a javascript: tracking URL WHEN shown THEN all of it is escaped and nothing is linked", async () => {
    const body = await orderPage(hostileOrderId, { query: { locale: '"><script>alert(1)</script>' } });

    expect(body).not.toMatch(/<script|<img src=x|<b>1<\/b>|<i>Town|javascript:/i);
    expect(body).toContain("&lt;script&gt;alert(&#x27;scan&#x27;)&lt;/script&gt; &amp; more");
    expect(body).toContain("Delivery problem");
  });

  it.each([
    ["Accept-Language de-DE", "de", "Bestellung #5001", { headers: { "accept-language": "de-DE,de;q=0.9,en;q=0.5" } }],
    ["?locale=fr", "fr", "Commande #5001", { query: { locale: "fr" } }],
    ["?locale=es over Accept-Language de", "es", "Pedido #5001", { query: { locale: "es" }, headers: { "accept-language": "de" } }],
    ["an unsupported language", "en", "Order #5001", { headers: { "accept-language": "ja" } }],
  ] satisfies [string, string, string, ProxyRequestOptions][])("GIVEN %s WHEN shown THEN the page speaks %s", async (_label, lang, heading, options) => {
    const body = await orderPage(splitOrderId, options);

    expect(body).toContain(`<html lang="${lang}">`);
    expect(body).toContain(heading);
  });

  it("GIVEN three parcels with twenty events each WHEN shown THEN the page stays within 30 KB", async () => {
    const body = await orderPage(bigOrderId);

    expect(body.match(/Arrived at sort facility/g)).toHaveLength(60);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(30 * 1024);
  });

  it("GIVEN returns enabled for one shop and not the other WHEN pages are shown THEN only the first links to returns", async () => {
    const withReturns = await (await openForm(SHOP)).text();
    const withoutReturns = await (await openForm(OTHER_SHOP)).text();

    expect(withReturns).toContain("Start a return");
    expect(withReturns).toContain('href="./track/returns"');
    expect(withReturns).toContain('href="mailto:help@tea-house.myshopify.com"');
    expect(withoutReturns).not.toContain("Start a return");
  });
});

describe("marketing block and analytics", () => {
  it("GIVEN views and clicks WHEN analytics are read THEN visits per order, unique shoppers and CTR count them, shop by shop", async () => {
    const from = new Date();
    const token = await signOrderLink({ shop: SHOP, orderId: splitOrderId });
    const shopperA = { headers: { "x-forwarded-for": "203.0.113.20", "user-agent": "A" } };
    const shopperB = { headers: { "x-forwarded-for": "203.0.113.21", "user-agent": "B" } };
    const page = await (await openOrder(SHOP, token, shopperA)).text();
    await openOrder(SHOP, token, shopperA);
    await openOrder(SHOP, token, shopperB);
    await openOrder(SHOP, await signOrderLink({ shop: SHOP, orderId: bigOrderId }), shopperB);

    const bannerHref = /<a href="\.\.\/r\/([^"]+)">Winter blends are here<\/a>/.exec(page)?.[1];
    expect(bannerHref).toBeDefined();
    const clicked = await click(SHOP, bannerHref!, shopperA);
    const analytics = await getTrackingPageAnalytics(database.get().prisma, SHOP, { from, to: new Date(Date.now() + 60_000) });
    const rival = await getTrackingPageAnalytics(database.get().prisma, OTHER_SHOP, { from, to: new Date(Date.now() + 60_000) });

    expect(clicked.status).toBe(303);
    expect(clicked.headers.get("location")).toBe("https://tea-house.example/winter");
    expect(page).toContain("THANKS10");
    expect(analytics).toMatchObject({ views: 4, ordersViewed: 2, visitsPerOrder: 2, uniqueShoppers: 2, marketingViews: 4, marketingClicks: 1 });
    expect(analytics.clickThroughRate).toBeCloseTo(0.25);
    expect(analytics.clicksByTarget).toEqual({ banner: 1, discount: 0, recommendation: 0 });
    expect(analytics.topOrders[0]).toEqual({ orderId: splitOrderId, name: "#5001", views: 3 });
    expect(rival.views).toBe(0);
  });

  it("GIVEN a tampered or foreign click link WHEN followed THEN it answers 404 and counts nothing", async () => {
    const token = await signClickLink({ shop: OTHER_SHOP, orderId: rivalOrderId, target: "banner", url: "https://evil.example/" });
    const before = await database.get().prisma.trackingPageEvent.count({ where: { kind: "click" } });

    const responses = await Promise.all([click(SHOP, token), click(SHOP, `${token}x`)]);

    expect(responses.map((response) => response.status)).toEqual([404, 404]);
    expect(responses.some((response) => response.headers.get("location"))).toBe(false);
    expect(await database.get().prisma.trackingPageEvent.count({ where: { kind: "click" } })).toBe(before);
  });
});
