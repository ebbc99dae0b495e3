import { describe, expect, it } from "vitest";
import { addDocumentResponseHeaders } from "~/shopify.server";
import { allowFrameAncestor, allowFramingByStandIn } from "../frame-ancestors";
import { headersServedWith, sendLikeRemix } from "./serve";

const SHOP = "demo-outfitters.myshopify.com";
const STAND_IN = "http://127.0.0.1:3457";

/** The document headers the Shopify library adds for an embedded request from `shop`. */
function libraryDocumentHeaders(): Headers {
  const headers = new Headers({ "Content-Type": "text/html" });
  addDocumentResponseHeaders(new Request(`http://127.0.0.1:3000/app?shop=${SHOP}&embedded=1`), headers);
  return headers;
}

describe("allowFrameAncestor", () => {
  it.each([
    ["the library's policy", "frame-ancestors https://a.myshopify.com https://admin.shopify.com;", "frame-ancestors https://a.myshopify.com https://admin.shopify.com http://127.0.0.1:3457;"],
    ["no trailing semicolon", "frame-ancestors https://admin.shopify.com", "frame-ancestors https://admin.shopify.com http://127.0.0.1:3457"],
    ["other directives around it", "default-src 'self'; frame-ancestors https://admin.shopify.com; img-src *", "default-src 'self'; frame-ancestors https://admin.shopify.com http://127.0.0.1:3457; img-src *"],
    ["the directive name in capitals", "FRAME-ANCESTORS https://admin.shopify.com", "FRAME-ANCESTORS https://admin.shopify.com http://127.0.0.1:3457"],
    ["the origin already listed", "frame-ancestors http://127.0.0.1:3457;", "frame-ancestors http://127.0.0.1:3457;"],
    ["framing refused ('none')", "frame-ancestors 'none';", "frame-ancestors 'none';"],
    ["no frame-ancestors", "default-src 'self'", "default-src 'self'"],
  ])("GIVEN %s WHEN the stand-in's origin is allowed THEN the policy becomes the expected one", (_case, policy, expected) => {
    expect(allowFrameAncestor(policy, STAND_IN)).toBe(expected);
  });
});

describe("allowFramingByStandIn", () => {
  it("GIVEN a stand-in WHEN a document carries the library's headers THEN frame-ancestors also lists the stand-in's origin, and only that changed", async () => {
    const expected = libraryDocumentHeaders();

    const served = await headersServedWith(allowFramingByStandIn(`${STAND_IN}/some/path`), sendLikeRemix(libraryDocumentHeaders()));

    expect(served.get("content-security-policy")).toBe(allowFrameAncestor(expected.get("content-security-policy")!, STAND_IN));
    expect(served.get("content-security-policy")).toContain(`https://${SHOP} `);
    expect(served.get("content-security-policy")).toMatch(/ http:\/\/127\.0\.0\.1:3457;$/);
    expect(served.get("link")).toBe(expected.get("link"));
  });

  it("GIVEN a stand-in WHEN the policy is passed to writeHead directly THEN it is amended too", async () => {
    const served = await headersServedWith(allowFramingByStandIn(STAND_IN), (response) => {
      response.writeHead(200, { "Content-Security-Policy": "frame-ancestors https://admin.shopify.com;" }).end();
    });

    expect(served.get("content-security-policy")).toBe(`frame-ancestors https://admin.shopify.com ${STAND_IN};`);
  });

  it.each([
    ["no stand-in (a real store)", undefined, () => libraryDocumentHeaders(), (headers: Headers) => headers.get("content-security-policy")],
    ["a response without a policy", STAND_IN, () => new Headers({ "Content-Type": "text/html" }), () => null],
  ])("GIVEN %s WHEN a response is sent THEN its policy is left as it was", async (_case, standInUrl, headers, expectedPolicy) => {
    const served = await headersServedWith(allowFramingByStandIn(standInUrl), sendLikeRemix(headers()));

    expect(served.get("content-security-policy")).toBe(expectedPolicy(libraryDocumentHeaders()));
  });
});
