import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { h } from "preact";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import en from "../../../../extensions/return-request/locales/en.default.json" with { type: "json" };
import type { ReturnsHost } from "../../../../extensions/shared/returns/contract";
import { menuLabelKey } from "../../../../extensions/return-request/src/menu-label";
import { returnsClient, type ReturnsClient } from "../../../../extensions/shared/returns/returns-client";
import { ReturnFlow } from "../../../../extensions/shared/returns/ReturnFlow";
import { createDom } from "../../../../extensions/shared/__tests__/dom";
import { localDiskPhotoStorage } from "../../photo-store.server";
import { ADA, EXCHANGE_OPTIONS, fakeBackend, NOW, ORDER, SHIRT, type FakeBackend } from "../../portal/__tests__/portal-fixture";
import { type AccountDeps, handleReturnOrder, handleReturnPhoto, handleReturnPreview, handleReturnStatus, handleReturnSubmit } from "../endpoints.server";

/**
 * The return flow of the return-request (modal) and return-page (full page) extensions driven as a shopper
 * would, against the real endpoints (session-token auth, step checks, wording) over the portal's fake returns
 * backend: what the extension sends is what the server reads, and what the shopper sees is what the server worded.
 */

const SHOP = "extension-flow.myshopify.com";
const APP = "https://app.example";
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const photos = mkdtempSync(join(tmpdir(), "aftercare-extension-photos-"));
afterAll(() => rmSync(photos, { recursive: true, force: true }));

const HANDLERS: Record<string, (request: Request, deps: AccountDeps) => Promise<Response>> = {
  order: handleReturnOrder,
  preview: handleReturnPreview,
  photos: handleReturnPhoto,
  submit: handleReturnSubmit,
  status: handleReturnStatus,
};

let backend: FakeBackend;
let deps: AccountDeps;
let calls: string[];

async function sessionToken(customer: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ dest: SHOP })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(process.env.SHOPIFY_API_KEY!)
    .setSubject(customer)
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 60)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(process.env.SHOPIFY_API_SECRET!));
}

/** The browser's fetch, answered by the endpoint the URL names (the library throws its auth refusals). */
const fetchToEndpoints = (async (url: string, init?: RequestInit) => {
  const request = new Request(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: "https://extensions.shopifycdn.com" } });
  const name = new URL(url).pathname.split("/").at(-1)!;
  calls.push(`${request.method} ${name}`);
  try {
    return await HANDLERS[name]!(request, deps);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}) as typeof fetch;

/** The host API as the extension sees it: English strings from its locale file, the order of Ada's. */
function fakeHost(locale = "en", customer = ADA.gid): ReturnsHost {
  return {
    orderId: ORDER.gid,
    locale,
    getSessionToken: () => sessionToken(customer),
    translate: (key, replacements = {}) => {
      const template = (en as Record<string, string>)[key];
      if (typeof template !== "string") throw new Error(`missing translation ${key}`);
      return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(replacements[name]));
    },
    formatDate: (date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date),
  };
}

beforeEach(() => {
  backend = fakeBackend();
  calls = [];
  pending = 0;
  deps = { backend, photos: localDiskPhotoStorage(photos), now: () => NOW, exchangeOptions: async () => EXCHANGE_OPTIONS };
});

let dom: ReturnType<typeof createDom> | undefined;
afterEach(async () => {
  await dom?.unmount();
  dom = undefined;
});

/** The rendered extension (a test without one fails here). */
const shown = () => dom ?? (() => { throw new Error("the flow was not opened"); })();

let pending = 0;
/** The client with its calls counted, so a step waits for the backend however loaded the machine is. */
function tracked(client: ReturnsClient): ReturnsClient {
  const counted = Object.entries(client).map(([name, call]) => [
    name,
    async (...args: unknown[]) => {
      pending += 1;
      try {
        return await (call as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        pending -= 1;
      }
    },
  ]);
  return Object.fromEntries(counted) as ReturnsClient;
}

/** Waits until no call to the backend is running and the flow has rendered its answer. */
async function idle() {
  await vi.waitFor(() => expect(pending).toBe(0));
  await shown().settle();
}

/** Sets a field's value the way the host does, then fires its change event. */
async function change(selector: string, property: "value" | "values" | "files", value: unknown) {
  const element = shown().query(selector);
  if (!element) throw new Error(`no element matches ${selector}`);
  Object.defineProperty(element, property, { value, configurable: true, writable: true });
  await shown().fire(selector, "change");
  await idle();
}

async function press(selector = 's-button[slot="primary-action"]') {
  await shown().fire(selector, "click");
  await idle();
}

async function open(host = fakeHost(), page?: { orderName: string }) {
  dom = createDom();
  await dom.render(h(ReturnFlow, { host, client: tracked(returnsClient(APP, host, fetchToEndpoints)), page }));
  await idle();
  return dom;
}

describe("return extensions against the return endpoints", () => {
  it.each([
    ["the order action's modal", undefined, "s-customer-account-action"],
    ["the order's full page", { orderName: "#5001" }, "s-page"],
  ])("GIVEN Ada's delivered order in %s WHEN she returns a shirt for an exchange step by step THEN each step shows what the portal shows and one return is submitted with the review's key", async (_, layout, frame) => {
    const page = await open(fakeHost(), layout);
    expect(page.query(frame)).not.toBeNull();
    expect(page.text()).toContain("Which items are you returning?");
    expect(page.text()).toMatch(/Linen shirt Returnable until .+ Silk scarf Final sale/);
    expect(page.query("s-number-field")?.getAttribute("label")).toBe("Quantity to return (up to 2)");
    expect(page.html().match(/<s-number-field/g)).toHaveLength(1);

    await change("s-number-field", "value", "1");
    await press();
    expect(page.text()).toContain("Why are you returning them? 1 × Linen shirt");

    await press();
    expect(page.text()).toContain("Please check the following: Linen shirt: choose a reason.");

    await change("s-select", "value", "size_too_large");
    await change("s-drop-zone", "files", [new File([JPEG], "shirt.jpg", { type: "image/jpeg" })]);
    expect(page.text()).toContain("1 photo(s) added.");
    await press();
    expect(page.text()).toContain("Store credit (includes €3.51 bonus credit)");
    expect(page.text()).toContain("Exchange for another size or color");

    await change("s-choice-list", "values", ["exchange"]);
    expect(page.text()).toContain("M — €40.00 (5 in stock)");
    expect(page.text()).toContain("L — €40.00 (1 in stock)");
    await change("s-select", "value", "gid://shopify/ProductVariant/33");
    await press();
    expect(page.text()).toContain("Prepaid shipping label — Return shipping: €4.95");

    await change("s-choice-list", "values", ["mail_label"]);
    await press();
    expect(page.text()).toContain("Review your return");
    expect(page.text()).toContain("1 × Linen shirt Too large");
    expect(page.text()).toContain("Linen shirt — L × 1 — €40.00");
    expect(page.query('s-button[slot="primary-action"]')?.textContent).toBe("Submit return");

    // A double press sends one submit.
    await Promise.all([press(), press()]);

    expect(page.text()).toContain("Thank you — your return request was sent. Return #5001-R1 Requested — waiting for review");
    expect(page.text()).toContain("20 Nov 2026, 12:00 — Return requested");
    expect(backend.submitted).toHaveLength(1);
    const [submitted] = backend.submitted;
    expect(submitted).toMatchObject({ shop: SHOP, customerId: ADA.gid, orderId: ORDER.gid, request: { outcome: "exchange", method: "mail_label" } });
    expect(submitted!.request.exchange?.items).toEqual([expect.objectContaining({ variantId: "gid://shopify/ProductVariant/33", unitPrice: "40.00", quantity: 1 })]);
    expect(submitted!.photos).toEqual([{ lineItemId: SHIRT, key: expect.stringMatching(/^[0-9a-f]{32}\.jpg$/) }]);
    expect(page.query('s-button[slot="secondary-actions"]')).toBeNull();
    expect(calls.filter((call) => call === "POST submit")).toHaveLength(1);
  });

  it("GIVEN a photo that is not an image WHEN added THEN the shopper is told which photos are accepted and no key is kept", async () => {
    const page = await open();
    await change("s-number-field", "value", "1");
    await press();

    await change("s-drop-zone", "files", [new File(["not an image"], "shirt.jpg", { type: "image/jpeg" })]);

    expect(page.text()).toContain("A photo was not accepted — photos must be JPEG, PNG, GIF, WebP or HEIC images of at most 10 MB.");
    expect(page.text()).not.toContain("photo(s) added");
  });

  it("GIVEN a German shopper WHEN the flow opens THEN the server's explanations are German", async () => {
    const page = await open(fakeHost("de"));

    expect(page.text()).toContain("Rückgabe möglich bis");
  });

  it("GIVEN another customer's session WHEN the flow opens THEN only the apology shows, no items", async () => {
    const page = await open(fakeHost("en", "gid://shopify/Customer/7002"));

    expect(page.text()).toContain("We can't load your return right now.");
    expect(page.text()).not.toContain("Linen shirt");
  });

  it("GIVEN Ada's order WHEN the menu item asks THEN it offers to start a return; for another customer it shows nothing", async () => {
    expect(await menuLabelKey(returnsClient(APP, fakeHost(), fetchToEndpoints))).toBe("menuStart");
    expect(await menuLabelKey(returnsClient(APP, fakeHost("en", "gid://shopify/Customer/7002"), fetchToEndpoints))).toBeNull();
  });
});
