import { describe, expect, it } from "vitest";
import { pageHrefs, storefrontPath } from "../storefront-links";

describe("links between tracking pages", () => {
  it.each([
    ["/proxy", "", "./track"],
    ["/proxy", "lookup", "./track/lookup"],
    ["/proxy/lookup", "o/abc", "./o/abc"],
    ["/proxy/o/abc", "lookup", "../lookup"],
    ["/proxy/o/abc", "", "../../track"],
    ["/proxy/o/abc", "r/xyz", "../r/xyz"],
    ["/proxy/", "lookup", "./lookup"],
  ])("GIVEN the page %s WHEN linking to '%s' THEN the href is %s", (appPath, target, expected) => {
    expect(pageHrefs("/apps/track", storefrontPath("/apps/track", appPath))(target)).toBe(expected);
  });

  it.each(["https://shop.example/apps/track/o/abc", "http://127.0.0.1:9/shop.myshopify.com/apps/track/o/abc"])(
    "GIVEN a page at %s WHEN a relative link is resolved THEN it lands on the look-up under the same prefix",
    (pageUrl) => {
      const href = pageHrefs("/apps/track", "/apps/track/o/abc")("lookup");

      expect(new URL(href, pageUrl).pathname.endsWith("/apps/track/lookup")).toBe(true);
      expect(new URL(href, pageUrl).pathname).toBe(new URL(pageUrl).pathname.replace("/o/abc", "/lookup"));
    },
  );
});
