import { describe, expect, it } from "vitest";
import { signClickLink, signOrderLink, trackingPageLink, verifyClickLink, verifyOrderLink } from "../signed-links.server";

const SHOP = "tea-house.myshopify.com";
const ORDER = "gid://shopify/Order/9007199254740993123";

describe("order links", () => {
  it("GIVEN a fresh link WHEN verified for its shop THEN it names the order, id intact beyond 2^53", async () => {
    const token = await signOrderLink({ shop: SHOP, orderId: ORDER });

    expect(await verifyOrderLink(token, SHOP)).toEqual({ orderId: ORDER });
    expect(token.length).toBeLessThan(200);
  });

  it.each([
    ["verified for another shop", async () => verifyOrderLink(await signOrderLink({ shop: SHOP, orderId: ORDER }), "other.myshopify.com")],
    ["expired", async () => verifyOrderLink(await signOrderLink({ shop: SHOP, orderId: ORDER }, { lifetimeSeconds: 60, now: new Date(Date.now() - 120_000) }), SHOP)],
    ["a click token", async () => verifyOrderLink(await signClickLink({ shop: SHOP, orderId: ORDER, target: "banner", url: "https://x.example/" }), SHOP)],
    ["truncated", async () => verifyOrderLink((await signOrderLink({ shop: SHOP, orderId: ORDER })).slice(0, -3), SHOP)],
    ["unsigned (alg none)", async () => verifyOrderLink(`${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(`{"s":"${SHOP}","o":"1","aud":"tp:o"}`).toString("base64url")}.`, SHOP)],
    ["empty", async () => verifyOrderLink("", SHOP)],
  ])("GIVEN a token %s WHEN verified THEN it is refused", async (_label, verify) => {
    expect(await verify()).toBeNull();
  });

  it("GIVEN a link for notifications WHEN built THEN it is the shop's storefront URL under /apps/track/o/", async () => {
    const link = await trackingPageLink(SHOP, ORDER);

    expect(link).toMatch(/^https:\/\/tea-house\.myshopify\.com\/apps\/track\/o\/[\w.-]+$/);
    expect(await verifyOrderLink(link.split("/o/")[1]!, SHOP)).toEqual({ orderId: ORDER });
  });
});

describe("click links", () => {
  it("GIVEN a click link WHEN verified THEN it names the order, target and URL", async () => {
    const token = await signClickLink({ shop: SHOP, orderId: ORDER, target: "recommendation", url: "https://tea-house.example/p/kettle" });

    expect(await verifyClickLink(token, SHOP)).toEqual({ orderId: ORDER, target: "recommendation", url: "https://tea-house.example/p/kettle" });
    expect(await verifyClickLink(await signOrderLink({ shop: SHOP, orderId: ORDER }), SHOP)).toBeNull();
  });
});
