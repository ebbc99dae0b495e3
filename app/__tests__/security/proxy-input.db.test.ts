import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as lookupFormLoader } from "~/routes/proxy._index";
import { action as lookupAction, loader as lookupLoader } from "~/routes/proxy.lookup";
import { loader as orderPageLoader } from "~/routes/proxy.o.$token";
import { loader as clickLoader } from "~/routes/proxy.r.$token";
import { loader as eddLoader } from "~/routes/proxy.edd";
import { action as returnStepAction, loader as returnItemsLoader } from "~/routes/proxy.returns.$orderId";
import { loader as returnsIndexLoader } from "~/routes/proxy.returns._index";
import { loader as returnStatusLoader } from "~/routes/proxy.returns.status.$returnId";
import { useTestDatabase } from "~/test/database";
import { SHOP, SPLIT_ORDER, seedOrder, seedShopRow } from "~/tracking-page/__tests__/order-fixture";
import { proxyRequest, type ProxyRequestOptions } from "~/tracking-page/__tests__/proxy-requests";
import { signOrderLink } from "~/tracking-page/signed-links.server";
import { answerOf } from "./answer";
import { INJECTION_STRINGS, RAW_MARKUP } from "./hostile-strings";

const database = useTestDatabase();
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

type ProxyRoute = { name: string; call: (options: ProxyRequestOptions, token: string) => Promise<Response> };
const ROUTES: ProxyRoute[] = [
  { name: "proxy._index loader", call: (options) => answerOf(() => lookupFormLoader(args(proxyRequest(SHOP, "", options)))) },
  { name: "proxy.lookup loader", call: (options) => answerOf(() => lookupLoader(args(proxyRequest(SHOP, "/lookup", options)))) },
  { name: "proxy.lookup action", call: (options) => answerOf(() => lookupAction(args(proxyRequest(SHOP, "/lookup", { form: { order: "#1", email: "a@b.c" }, ...options })))) },
  { name: "proxy.o.$token loader", call: (options, token) => answerOf(() => orderPageLoader(args(proxyRequest(SHOP, `/o/${token}`, options), { token }))) },
  { name: "proxy.r.$token loader", call: (options, token) => answerOf(() => clickLoader(args(proxyRequest(SHOP, `/r/${token}`, options), { token }))) },
  { name: "proxy.edd loader", call: (options) => answerOf(() => eddLoader(args(proxyRequest(SHOP, "/edd", options)))) },
  { name: "proxy.returns._index loader", call: (options) => answerOf(() => returnsIndexLoader(args(proxyRequest(SHOP, "/returns", options)))) },
  {
    name: "proxy.returns.$orderId loader",
    call: (options, orderId) => answerOf(() => returnItemsLoader(args(proxyRequest(SHOP, `/returns/${orderId}`, { customerId: "501", ...options }), { orderId }))),
  },
  {
    name: "proxy.returns.$orderId action",
    call: (options, orderId) =>
      answerOf(() => returnStepAction(args(proxyRequest(SHOP, `/returns/${orderId}`, { customerId: "501", form: { step: "items", draft: orderId }, ...options }), { orderId }))),
  },
  {
    name: "proxy.returns.status.$returnId loader",
    call: (options, returnId) => answerOf(() => returnStatusLoader(args(proxyRequest(SHOP, `/returns/status/${returnId}`, { customerId: "501", ...options }), { returnId }))),
  },
];

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...INJECTION_STRINGS, ...RAW_MARKUP));
const query = fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("locale", "path_prefix", "order", "email", "shop", "timestamp", "signature")), text, { maxKeys: 5 });
const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `198.${a}.${b}.${c}`);

/** No reflected markup: hostile input may appear in a page only escaped. */
async function expectNoRawMarkup(response: Response): Promise<void> {
  if (!response.headers.get("content-type")?.includes("html")) return;
  const body = await response.text();
  for (const markup of RAW_MARKUP) expect(body).not.toContain(markup);
}

let orderToken = "";

beforeAll(async () => {
  const prisma = database.get().prisma;
  await seedShopRow(prisma, SHOP);
  const orderId = await seedOrder(prisma, SHOP, { ...SPLIT_ORDER, items: [{ title: RAW_MARKUP[0], quantity: 1 }, ...SPLIT_ORDER.items.slice(1)] });
  orderToken = await signOrderLink({ shop: SHOP, orderId });
});

describe("app proxy routes under arbitrary query strings", () => {
  it.each(ROUTES)("GIVEN arbitrary query parameters, signed or not WHEN $name runs THEN it never answers 5xx nor reflects raw markup", async ({ call }) => {
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), fc.oneof(fc.constant(orderToken), text), ip, async (params, signed, token, forwardedFor) => {
        const response = await call({ query: params, unsigned: !signed, headers: { "x-forwarded-for": forwardedFor } }, encodeURIComponent(token));

        expect(response.status).toBeLessThan(500);
        if (!signed) expect(response.status).toBe(400);
        await expectNoRawMarkup(response);
      }),
      { numRuns: 25 },
    );
  });

  it.each(["loader", "action"] as const)("GIVEN a logged-in shopper of a shop without an offline session WHEN the return portal's order page %s runs THEN 403, not a crash", async (kind) => {
    const route = ROUTES.find((candidate) => candidate.name === `proxy.returns.$orderId ${kind}`)!;

    const response = await route.call({ customerId: "501" }, "1");

    expect(response.status).toBe(403);
  });

  it.each(ROUTES)("GIVEN NUL characters in every storefront parameter, signed WHEN $name runs THEN it never answers 5xx", async ({ call }) => {
    const response = await call({ query: { locale: "e\u0000n", path_prefix: "/apps/\u0000", q: "\u0000" }, headers: { "x-forwarded-for": "198.51.100.77" } }, orderToken);

    expect(response.status).toBeLessThan(500);
  });

  it.each(ROUTES)("GIVEN a correct signature over a timestamp more than 90 s old WHEN $name runs THEN 400", async ({ call }) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 91, max: 10 * 365 * 86_400 }), async (age) => {
        const response = await call({ timestamp: Math.floor(Date.now() / 1000) - age }, orderToken);

        expect(response.status).toBe(400);
      }),
      { numRuns: 10 },
    );
  });

  it("GIVEN arbitrary look-up form inputs WHEN the look-up form is posted THEN it never answers 5xx nor reflects raw markup", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("order", "email", "locale", "extra"), text), ip, async (form, forwardedFor) => {
        const response = await answerOf(() => lookupAction(args(proxyRequest(SHOP, "/lookup", { form, headers: { "x-forwarded-for": forwardedFor } }))));

        expect(response.status).toBeLessThan(500);
        await expectNoRawMarkup(response);
      }),
      { numRuns: 40 },
    );
  });

  it.each(["order", "trackingNumber", "email"])("GIVEN a NUL character in the look-up form's %s WHEN posted THEN it is refused as input, not a 5xx (PostgreSQL text cannot hold NUL)", async (field) => {
    const form = { order: "#5001", email: "shopper@example.com", [field]: "50\u000001" };

    const response = await answerOf(() => lookupAction(args(proxyRequest(SHOP, "/lookup", { form, headers: { "x-forwarded-for": "198.51.100.9" } }))));

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("GIVEN the order page of an item titled with markup WHEN it renders THEN the markup is escaped", async () => {
    const response = await answerOf(() => orderPageLoader(args(proxyRequest(SHOP, `/o/${orderToken}`), { token: orderToken })));

    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain(RAW_MARKUP[0]);
    expect(body).toContain("&lt;script&gt;");
  });
});
