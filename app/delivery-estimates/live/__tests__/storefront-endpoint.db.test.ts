import { afterEach, describe, expect, it } from "vitest";
import { loader } from "~/routes/proxy.edd";
import { useTestDatabase } from "~/test/database";
import { proxyRequest } from "~/tracking-page/__tests__/proxy-requests";
import { readPromisesOfOrder, refreshOrderPromises } from "../promises.server";
import { forgetCachedQuotes, storefrontQuote } from "../quote-cache.server";
import { refreshShopQuotes } from "../quotes.server";
import { forgetShopEstimators } from "../shop-estimator.server";
import { addWeekdays, freshShop, seedParcel, weekdayNoons } from "./history-fixture";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
afterEach(() => {
  forgetShopEstimators();
  forgetCachedQuotes();
});

async function shopWithHistory() {
  const shop = freshShop();
  for (const placedAt of weekdayNoons("2026-06-01", 15)) {
    const handedOffAt = addWeekdays(placedAt, 1);
    const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt: addWeekdays(handedOffAt, 2), province: "BE" });
    await refreshOrderPromises(prisma(), shop, orderId, { now: addWeekdays(handedOffAt, 2) });
  }
  return shop;
}

const ask = async (shop: string, query: Record<string, string>, options: { unsigned?: boolean } = {}) => {
  try {
    return await loader({ request: proxyRequest(shop, "/edd", { query, ...options }), params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

describe("the storefront 'Get it by' endpoint", () => {
  it("GIVEN precomputed quotes WHEN the storefront asks for a region THEN it answers that region's promise, the one a real order placed now gets", async () => {
    const shop = await shopWithHistory();
    const now = new Date();
    await refreshShopQuotes(prisma(), shop, { now });
    const { orderId } = await seedParcel(prisma(), shop, { placedAt: now, province: "BE", zip: " " });
    await refreshOrderPromises(prisma(), shop, orderId, { now });
    const orderPromise = (await readPromisesOfOrder(prisma(), shop, orderId)).currentFor(null)!;

    const response = await ask(shop, { country: "de", region: "BE", variant: "44012345678901" });

    expect(response.status).toBe(200);
    expect(response.headers.get("server-timing")).toMatch(/^edd;dur=\d+(\.\d+)?$/);
    expect(await response.json()).toEqual({ country: "DE", estimate: { earliestDate: orderPromise.earliestDate, promisedDate: orderPromise.promisedDate } });
  });

  it("GIVEN a shop shipping from a quick and a slow location WHEN the storefront asks for each location's variant THEN each is promised from where it usually ships, and an unknown variant gets the whole history's answer", async () => {
    const shop = freshShop();
    const QUICK = "gid://shopify/Location/1";
    const SLOW = "gid://shopify/Location/2";
    for (const [index, placedAt] of weekdayNoons("2026-06-01", 24).entries()) {
      const slow = index % 2 === 1;
      const handedOffAt = addWeekdays(placedAt, slow ? 5 : 1);
      const deliveredAt = addWeekdays(handedOffAt, 2);
      const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt, province: "BE" });
      const fulfillment = await prisma().fulfillment.findFirstOrThrow({ where: { shop, orderId }, select: { id: true } });
      await prisma().fulfillment.updateMany({ where: { shop, id: fulfillment.id }, data: { locationId: slow ? SLOW : QUICK } });
      const lineItemId = `gid://shopify/LineItem/${index + 1}`;
      await prisma().lineItem.create({ data: { shop, id: lineItemId, orderId, title: "Tea", quantity: 1, variantId: `gid://shopify/ProductVariant/${slow ? 222 : 111}` } });
      await prisma().fulfillmentLineItem.create({ data: { shop, fulfillmentId: fulfillment.id, lineItemId, quantity: 1 } });
      await refreshOrderPromises(prisma(), shop, orderId, { now: deliveredAt });
    }
    await expect(refreshShopQuotes(prisma(), shop)).resolves.toMatchObject({ quotes: 6, variants: 2 });

    const [quick, slow, unknown] = await Promise.all(
      ["111", "gid://shopify/ProductVariant/222", "999"].map(async (variant) => (await (await ask(shop, { country: "DE", region: "BE", variant })).json()).estimate.promisedDate as string),
    );

    expect(quick! < slow!).toBe(true);
    expect(unknown).toBe((await (await ask(shop, { country: "DE", region: "BE" })).json()).estimate.promisedDate);
  });

  it("GIVEN a region without its own quote WHEN asked THEN the country's quote answers; an unknown country gets none", async () => {
    const shop = await shopWithHistory();
    await refreshShopQuotes(prisma(), shop);

    const country = await (await ask(shop, { country: "DE", region: "HH" })).json();
    expect(country.estimate).toEqual(await storefrontQuote(prisma(), shop, { country: "DE" }).then((quote) => ({ earliestDate: quote!.earliestDate, promisedDate: quote!.promisedDate })));
    expect(await (await ask(shop, { country: "JP" })).json()).toEqual({ country: "JP", estimate: null });
  });

  it.each([
    [{}, "country"],
    [{ country: "Germany" }, "country"],
    [{ country: "DE", variant: "javascript:alert(1)" }, "variant"],
    [{ country: "DE", region: "x".repeat(40) }, "region"],
  ])("GIVEN the query %j WHEN asked THEN 422 names the field %s", async (query, field) => {
    const response = await ask(freshShop(), query);
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors).toHaveProperty(field);
  });

  it("GIVEN an unsigned request WHEN asked THEN 400 and no quote is read", async () => {
    expect((await ask(freshShop(), { country: "DE" }, { unsigned: true })).status).toBe(400);
  });

  it("GIVEN cached quotes WHEN they are refreshed in the database THEN the process serves the cached ones for up to a minute, then the new ones", async () => {
    const shop = await shopWithHistory();
    const now = new Date();
    await refreshShopQuotes(prisma(), shop, { now });
    const first = await storefrontQuote(prisma(), shop, { country: "DE" }, now);
    await prisma().deliveryQuote.updateMany({ where: { shop }, data: { promisedDate: "2999-12-31" } });

    expect(await storefrontQuote(prisma(), shop, { country: "DE" }, new Date(now.getTime() + 30_000))).toEqual(first);
    expect((await storefrontQuote(prisma(), shop, { country: "DE" }, new Date(now.getTime() + 61_000)))!.promisedDate).toBe("2999-12-31");
  });
});
