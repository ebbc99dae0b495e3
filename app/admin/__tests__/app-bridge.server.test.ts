import { afterEach, describe, expect, it, vi } from "vitest";

async function freshAppBridgeConfig() {
  vi.resetModules(); // env() caches the environment on first use
  const { appBridgeConfig } = await import("~/admin/app-bridge.server");
  return appBridgeConfig();
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("appBridgeConfig", () => {
  it("GIVEN no APP_BRIDGE_URL WHEN the shell is configured THEN App Bridge loads from Shopify's CDN", async () => {
    vi.stubEnv("APP_BRIDGE_URL", undefined);

    expect(await freshAppBridgeConfig()).toEqual({
      apiKey: process.env.SHOPIFY_API_KEY,
      appBridgeUrl: "https://cdn.shopify.com/shopifycloud/app-bridge.js",
    });
  });

  it("GIVEN APP_BRIDGE_URL pointing at the stand-in WHEN the shell is configured THEN App Bridge loads from there", async () => {
    vi.stubEnv("APP_BRIDGE_URL", "http://127.0.0.1:4100/cdn/app-bridge.js");

    expect((await freshAppBridgeConfig()).appBridgeUrl).toBe("http://127.0.0.1:4100/cdn/app-bridge.js");
  });
});
