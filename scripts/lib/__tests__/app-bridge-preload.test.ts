import { describe, expect, it } from "vitest";
import { SHOPIFY_APP_BRIDGE_URL } from "~/admin/app-bridge.server";
import { addDocumentResponseHeaders } from "~/shopify.server";
import { preloadAppBridgeFrom, preloadConfiguredAppBridge } from "../app-bridge-preload";
import { headersServedWith, sendLikeRemix } from "./serve";

const STAND_IN_APP_BRIDGE = "http://127.0.0.1:3457/cdn/app-bridge.js";

function libraryDocumentHeaders(): Headers {
  const headers = new Headers({ "Content-Type": "text/html" });
  addDocumentResponseHeaders(new Request("http://127.0.0.1:3000/app?shop=demo-outfitters.myshopify.com&embedded=1"), headers);
  return headers;
}

describe("preloadAppBridgeFrom", () => {
  it.each([
    ["the library's preload", `<${SHOPIFY_APP_BRIDGE_URL}>; rel="preload"; as="script";`, `<${STAND_IN_APP_BRIDGE}>; rel="preload"; as="script";`],
    ["other links beside it", `</a.css>; rel=preload, <${SHOPIFY_APP_BRIDGE_URL}>; rel="preload"`, `</a.css>; rel=preload, <${STAND_IN_APP_BRIDGE}>; rel="preload"`],
    ["no App Bridge link", "</a.css>; rel=preload", "</a.css>; rel=preload"],
  ])("GIVEN %s WHEN App Bridge comes from the stand-in THEN the Link header becomes the expected one", (_case, link, expected) => {
    expect(preloadAppBridgeFrom(link, STAND_IN_APP_BRIDGE)).toBe(expected);
  });
});

describe("preloadConfiguredAppBridge", () => {
  it("GIVEN APP_BRIDGE_URL WHEN a document carries the library's headers THEN it preloads that script and not Shopify's CDN", async () => {
    const served = await headersServedWith(preloadConfiguredAppBridge(STAND_IN_APP_BRIDGE), sendLikeRemix(libraryDocumentHeaders()));

    expect(served.get("link")).toContain(`<${STAND_IN_APP_BRIDGE}>`);
    expect(served.get("link")).not.toContain(SHOPIFY_APP_BRIDGE_URL);
    expect(served.get("content-security-policy")).toBe(libraryDocumentHeaders().get("content-security-policy"));
  });

  it("GIVEN no APP_BRIDGE_URL (a real store) WHEN a document is sent THEN the library's Link header is untouched", async () => {
    const served = await headersServedWith(preloadConfiguredAppBridge(undefined), sendLikeRemix(libraryDocumentHeaders()));

    expect(served.get("link")).toBe(libraryDocumentHeaders().get("link"));
    expect(served.get("link")).toContain(SHOPIFY_APP_BRIDGE_URL);
  });
});
