import { jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHostApi, translator } from "../extension-host/browser/host-api.ts";
import type { StandIn } from "../index.ts";
import { toGid } from "../store/ids.ts";
import type { OrderRecord } from "../store/types.ts";
import { API_KEY, API_SECRET, createSimpleCatalog, FakeApp, SHOP, startTestStandIn } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let customerOrder: OrderRecord;
let guestOrder: OrderRecord;

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
  const catalog = createSimpleCatalog(standIn);
  customerOrder = standIn.store.createOrder(SHOP, { customerId: catalog.customer.id, lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 2 }] });
  guestOrder = standIn.store.createOrder(SHOP, { email: "guest@example.com", customerLocale: "en", lineItems: [{ variantId: catalog.variants[1]!.id, quantity: 1 }] });
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const get = (path: string) => fetch(`${standIn.url}${path}`);
const tokenFor = async (surface: string, order: OrderRecord) => fetch(`${standIn.url}/${SHOP}/extension-host/${surface}/${order.id}/session-token`, { method: "POST" });

describe("checkout surface pages", () => {
  it("GIVEN a customer's order WHEN its thank-you page is opened THEN it greets the customer, lists the order and frames the thank-you block for it", async () => {
    const response = await get(`/${SHOP}/checkouts/c/${customerOrder.token}/thank-you`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain("Thank you, Zoë!");
    expect(html).toContain(`Order ${customerOrder.name}`);
    expect(html).toContain("2 × Trail Mug — Blue");
    expect(html).toContain(`<iframe title="thank-you-offer" src="/${SHOP}/extension-host/thank_you/${customerOrder.id}"`);
  });

  it("GIVEN a guest order WHEN its order-status page is opened THEN it says a logged-in customer is needed and frames no block", async () => {
    const html = await (await get(`/${SHOP}/account/orders/${guestOrder.id}`)).text();

    expect(html).toContain("needs a logged-in customer");
    expect(html).not.toContain("<iframe");
  });

  it("GIVEN the index WHEN opened THEN it links the thank-you page of every order and the order-status page of customers' orders only", async () => {
    const html = await (await get(`/${SHOP}/checkout-surfaces`)).text();

    expect(html).toContain(`href="/${SHOP}/checkouts/c/${customerOrder.token}/thank-you"`);
    expect(html).toContain(`href="/${SHOP}/checkouts/c/${guestOrder.token}/thank-you"`);
    expect(html).toContain(`href="/${SHOP}/account/orders/${customerOrder.id}"`);
    expect(html).not.toContain(`href="/${SHOP}/account/orders/${guestOrder.id}"`);
  });

  it.each([
    ["an unknown checkout", () => `/${SHOP}/checkouts/c/not-a-token/thank-you`],
    ["an unknown order", () => `/${SHOP}/account/orders/1`],
    ["an unknown shop", () => `/nowhere.myshopify.com/checkout-surfaces`],
    ["an unknown surface", () => `/${SHOP}/extension-host/checkout/${customerOrder.id}`],
    ["a name that is not an extension", () => `/_sim/extension-host/extensions/..%2Fpackage.js`],
  ])("GIVEN %s WHEN requested THEN it is 404", async (_case, path) => {
    expect((await get(path())).status).toBe(404);
  });
});

describe("the extension's frame", () => {
  it("GIVEN a German customer's order WHEN the frame loads THEN it runs the bundle with the order, the German strings and a session-token URL", async () => {
    const html = await (await get(`/${SHOP}/extension-host/order_status/${customerOrder.id}`)).text();
    const config = JSON.parse(/runExtension\((\{.*\}), "/.exec(html)![1]!) as Record<string, unknown>;

    expect(html).toContain(`"/_sim/extension-host/extensions/order-status-offer.js"`);
    expect(config).toMatchObject({
      surface: "order_status",
      orderId: toGid("Order", customerOrder.id),
      locale: "de",
      sessionTokenUrl: `/${SHOP}/extension-host/order_status/${customerOrder.id}/session-token`,
      translations: { copy: "Code kopieren", name: expect.any(String) },
    });
  });

  it("GIVEN the scripts WHEN requested THEN the runtime and the extension bundle are served as JavaScript, the bundle calling the app", async () => {
    const [runtime, bundle] = await Promise.all([get("/_sim/extension-host/runtime.js"), get("/_sim/extension-host/extensions/thank-you-offer.js")]);

    expect(runtime.headers.get("content-type")).toContain("javascript");
    expect(await runtime.text()).toContain("runExtension");
    expect(bundle.headers.get("content-type")).toContain("javascript");
    expect(await bundle.text()).toContain(app.url);
  }, 30_000);
});

describe("session tokens for the blocks", () => {
  it.each(["thank_you", "order_status"])("GIVEN a customer's order on %s WHEN a token is asked for THEN it is signed for the app with the shop and the customer", async (surface) => {
    const response = await tokenFor(surface, customerOrder);
    const { token } = (await response.json()) as { token: string };

    const { payload } = await jwtVerify(token, new TextEncoder().encode(API_SECRET), { audience: API_KEY });
    expect(payload).toMatchObject({ dest: SHOP, sub: toGid("Customer", customerOrder.customerId!) });
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it("GIVEN a guest's order WHEN the thank-you block asks THEN its token names no customer; the order-status block is refused", async () => {
    const { token } = (await (await tokenFor("thank_you", guestOrder)).json()) as { token: string };

    const { payload } = await jwtVerify(token, new TextEncoder().encode(API_SECRET), { audience: API_KEY });
    expect(payload.sub).toBeUndefined();
    expect((await tokenFor("order_status", guestOrder)).status).toBe(401);
  });
});

describe("the host API", () => {
  it.each([
    ["a plain key", "copy", {}, "Copy code"],
    ["a replacement", "codeEnds", { date: "Dec 31" }, "Valid until Dec 31"],
    ["a nested key", "items.title", {}, "Your items"],
    ["a plural with count 1", "items.count", { count: 1 }, "1 item"],
    ["a plural with count 3", "items.count", { count: 3 }, "3 items"],
    ["a missing key", "nope", {}, "nope"],
  ])("GIVEN %s WHEN translated THEN it reads as Shopify's i18n would", (_case, key, options, expected) => {
    const translate = translator({ copy: "Copy code", codeEnds: "Valid until {{date}}", items: { title: "Your items", count: { one: "{{count}} item", other: "{{count}} items" } } }, "en");

    expect(translate(key, options)).toBe(expected);
  });

  it("GIVEN the thank-you surface WHEN the API is made THEN the order is known by its OrderIdentity and tokens come from the stand-in", async () => {
    const api = createHostApi(
      { surface: "thank_you", orderId: "gid://shopify/Order/77", orderName: "#1077", locale: "en-US", translations: {}, sessionTokenUrl: "/token" },
      async (url) => Response.json({ token: `token-from-${String(url)}` }),
    );

    expect("orderConfirmation" in api && api.orderConfirmation.value.order.id).toBe("gid://shopify/OrderIdentity/77");
    await expect(api.sessionToken.get()).resolves.toBe("token-from-/token");
    expect(api.i18n.formatCurrency(40, { currency: "USD" })).toBe("$40.00");
  });
});
