import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRemoteRoot } from "@remote-ui/core";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { bundleExtension } from "../../../scripts/extension-size";
import en from "../../thank-you-offer/locales/en.default.json";
import { beanieOffer, offerAnswer } from "../offer-block/__tests__/fake-api";
import returnsEn from "../../return-request/locales/en.default.json";
import { orderAnswer } from "../returns/__tests__/fake-host";
import { remoteText } from "../../post-purchase-offer/src/__tests__/harness";
import { createHostApi } from "../../../sim/extension-host/browser/host-api";
import { createDom } from "./dom";

// The extensions exactly as Shopify would load them: bundled, evaluated, and driven only through the globals
// the host installs. This is what proves each entry module wires its target's API to the right code.

const APP = "https://app.example";
const EXTENSIONS = fileURLToPath(new URL("../..", import.meta.url));
// Inside the project (git-ignored): Vite's test runner only loads files under its root.
const CACHE = fileURLToPath(new URL("../../../node_modules/.cache/", import.meta.url));
mkdirSync(CACHE, { recursive: true });
const scratch = mkdtempSync(join(CACHE, "built-extension-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

let loaded = 0;
/** Bundles an extension (or only the given entries of it) with the app URL set to the fake backend and imports the result. */
async function load(name: string, entries?: string[]): Promise<{ default?: () => Promise<void> }> {
  const file = join(scratch, `${name}-${(loaded += 1)}.mjs`);
  writeFileSync(file, await bundleExtension(join(EXTENSIONS, name), { __AFTERCARE_APP_URL__: JSON.stringify(APP) }, entries));
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

describe("built post-purchase extension", () => {
  it("GIVEN the bundle WHEN Shopify loads it THEN ShouldRender stores the app's offer and Render shows it with the real totals", async () => {
    const points = new Map<string, (...args: unknown[]) => unknown>();
    vi.stubGlobal("self", { shopify: { extend: (point: string, run: (...args: unknown[]) => unknown) => points.set(point, run) } });
    const fetchImpl = vi.fn(async (url: string) =>
      url.endsWith("/offer") ? Response.json({ render: true, offer: beanieOffer }) : Response.json({ token: "changeset-jwt" }),
    );
    vi.stubGlobal("fetch", fetchImpl);
    await load("post-purchase-offer");
    expect([...points.keys()]).toEqual(["Checkout::PostPurchase::ShouldRender", "Checkout::PostPurchase::Render"]);

    const inputData = { token: "input-token", locale: "en", initialPurchase: { referenceId: "ref-1" } };
    const update = vi.fn(async (_stored: unknown) => undefined);
    await expect(points.get("Checkout::PostPurchase::ShouldRender")!({ inputData, storage: { update } })).resolves.toEqual({ render: true });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe(`${APP}/api/post-purchase/offer`);

    const root = createRemoteRoot(() => undefined);
    const calculateChangeset = vi.fn(async () => ({ status: "unprocessed", errors: [] }));
    points.get("Checkout::PostPurchase::Render")!(root, { inputData, storage: { initialData: update.mock.calls[0]![0] }, calculateChangeset, applyChangeset: vi.fn(), done: vi.fn() });

    await vi.waitFor(() => expect(calculateChangeset).toHaveBeenCalledWith("changeset-jwt"));
    expect(remoteText(root.children)).toContain("Complete your look Pairs with the jacket you just bought. Wool beanie Charcoal $40.00 $34.00 15% off");
    expect(remoteText(root.children)).toContain("Pay now · $34.00");
  });
  it("GIVEN the host cannot draw the page WHEN Render runs THEN the shopper is sent on with done()", async () => {
    const points = new Map<string, (...args: unknown[]) => unknown>();
    vi.stubGlobal("self", { shopify: { extend: (point: string, run: (...args: unknown[]) => unknown) => points.set(point, run) } });
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ token: "changeset-jwt" })));
    await load("post-purchase-offer");
    const root = Object.assign(createRemoteRoot(() => undefined), { mount: () => Promise.reject(new Error("host gone")) });
    const done = vi.fn(async () => undefined);
    const inputData = { token: "input-token", locale: "en", initialPurchase: { referenceId: "ref-1" } };

    points.get("Checkout::PostPurchase::Render")!(root, { inputData, storage: { initialData: { offer: beanieOffer } }, calculateChangeset: vi.fn(), applyChangeset: vi.fn(), done });

    await vi.waitFor(() => expect(done).toHaveBeenCalledOnce());
  });
});

describe.each([
  // The thank-you page knows the order by its OrderIdentity; the order-status page by the order's own gid.
  ["thank-you-offer", "thank_you", "gid%3A%2F%2Fshopify%2FOrderIdentity%2F5001"],
  ["order-status-offer", "order_status", "gid%3A%2F%2Fshopify%2FOrder%2F5001"],
] as const)("built %s extension", (name, surface, orderParam) => {
  it("GIVEN the bundle WHEN the host calls its default export THEN it asks for this order's offer with the session token and shows it", async () => {
    const dom = createDom();
    const fetchImpl = vi.fn(async (url: string) => (url.includes("/events") ? new Response(null, { status: 204 }) : Response.json(offerAnswer)));
    vi.stubGlobal("fetch", fetchImpl);
    // The same `shopify` global the stand-in's host pages install in the browser.
    const config = { surface, orderId: "gid://shopify/Order/5001", orderName: "#5001", locale: "en-US", translations: en, sessionTokenUrl: "/token" };
    vi.stubGlobal("shopify", createHostApi(config, async () => Response.json({ token: "session-token" })));
    const extension = await load(name);

    await extension.default!();

    await vi.waitFor(() => expect(fetchImpl.mock.calls.filter(([url]) => url.endsWith("/api/offers/events"))).toHaveLength(1));
    expect(fetchImpl.mock.calls[0]).toEqual([`${APP}/api/offers?surface=${surface}&orderId=${orderParam}`, { headers: { Authorization: "Bearer session-token" } }]);
    expect(dom.text()).toContain("Wool beanie Charcoal $40.00 $34.00 15% off");
    await dom.unmount();
  });
});

describe("built return-request extension", () => {
  const host = (fetchImpl: unknown) => {
    vi.stubGlobal("fetch", fetchImpl);
    vi.stubGlobal("shopify", {
      orderId: "gid://shopify/Order/5001",
      localization: { extensionLanguage: { value: { isoCode: "de" } } },
      sessionToken: { get: async () => "session-token" },
      i18n: { translate: (key: string) => (returnsEn as Record<string, string>)[key] ?? key, formatDate: (date: Date) => date.toISOString() },
    });
  };

  it("GIVEN the menu item's bundle WHEN the host runs it for a returnable order THEN it asks for this order in the shopper's language and shows one 'Return or exchange' button", async () => {
    const dom = createDom();
    const fetchImpl = vi.fn(async (_url: string, _init?: RequestInit) => Response.json(orderAnswer));
    host(fetchImpl);
    const extension = await load("return-request", ["src/menu-item.ts"]);

    await extension.default!();

    expect(fetchImpl.mock.calls[0]?.[0]).toBe(`${APP}/api/returns/order?orderId=gid%3A%2F%2Fshopify%2FOrder%2F5001&locale=de`);
    expect(fetchImpl.mock.calls[0]?.[1]?.headers).toEqual({ Authorization: "Bearer session-token" });
    expect(dom.html()).toBe("<s-button>Return or exchange</s-button>");
    await dom.unmount();
  });

  it("GIVEN the action's bundle WHEN the host opens the modal THEN the first step lists the order's items", async () => {
    const dom = createDom();
    host(vi.fn(async () => Response.json(orderAnswer)));
    const extension = await load("return-request", ["src/action.tsx"]);

    await extension.default!();

    await vi.waitFor(() => expect(dom.text()).toContain("Which items are you returning? Linen shirt Returnable until Friday, 5 December"));
    expect(dom.query("s-button[href]")?.getAttribute("href")).toBe("extension:return-page/customer-account.order.page.render/5001/");
    await dom.unmount();
  });
});

describe("built return-page extension", () => {
  // The order page's API has no `orderId`: the order comes as a signal, as on the order-status page.
  const host = (fetchImpl: unknown, order: { id: string; name: string } | undefined) => {
    vi.stubGlobal("fetch", fetchImpl);
    vi.stubGlobal("shopify", {
      order: { value: order },
      localization: { extensionLanguage: { value: { isoCode: "fr" } } },
      sessionToken: { get: async () => "session-token" },
      i18n: { translate: (key: string) => (returnsEn as Record<string, string>)[key] ?? key, formatDate: (date: Date) => date.toISOString() },
    });
  };

  it("GIVEN the bundle WHEN the host opens the order's page THEN it asks for the order from its `order` signal with the session token and shows the first step under the order's name", async () => {
    const dom = createDom();
    const fetchImpl = vi.fn(async (_url: string, _init?: RequestInit) => Response.json(orderAnswer));
    host(fetchImpl, { id: "gid://shopify/Order/5001", name: "#5001" });
    const extension = await load("return-page");

    await extension.default!();

    await vi.waitFor(() => expect(dom.text()).toContain("Which items are you returning? Linen shirt Returnable until Friday, 5 December"));
    expect(fetchImpl.mock.calls[0]?.[0]).toBe(`${APP}/api/returns/order?orderId=gid%3A%2F%2Fshopify%2FOrder%2F5001&locale=fr`);
    expect(fetchImpl.mock.calls[0]?.[1]?.headers).toEqual({ Authorization: "Bearer session-token" });
    expect(dom.query("s-page")?.getAttribute("heading")).toBe("#5001");
    expect(dom.query('s-button[slot="breadcrumb-actions"]')?.getAttribute("href")).toBe("shopify:customer-account/orders/5001");
    await dom.unmount();
  });

  it("GIVEN an order still being processed (no `order` yet) WHEN the page opens THEN the shopper reads the apology and nothing is asked of the backend", async () => {
    const dom = createDom();
    const fetchImpl = vi.fn();
    host(fetchImpl, undefined);
    const extension = await load("return-page");

    await extension.default!();

    expect(dom.text()).toContain("We can't load your return right now.");
    expect(fetchImpl).not.toHaveBeenCalled();
    await dom.unmount();
  });
});
