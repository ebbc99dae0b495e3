import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { API_KEY, FakeApp, SHOP, shopifyLibrary, startTestStandIn } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";

let app: FakeApp;
let standIn: StandIn;
let browser: Browser;
let page: Page;

function embeddedPage(body: string): string {
  return `<!doctype html><html><head><script data-api-key="${API_KEY}" src="${standIn.url}/cdn/app-bridge.js"></script></head><body>${body}</body></html>`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
  app.respond = (request) => {
    const url = new URL(request.url, app.url);
    const html = { "Content-Type": "text/html" };
    switch (url.pathname) {
      case "/":
        return {
          status: 200,
          headers: html,
          body: embeddedPage(`<ui-nav-menu><a href="/" rel="home">Home</a><a href="/late">Late shipments</a></ui-nav-menu>
            <script>
              window.addEventListener("shopify:navigate", (e) => { document.body.dataset.navigated = e.target.getAttribute("href"); });
              shopify.idToken().then(async (token) => {
                const response = await fetch("/api/ping");
                document.body.dataset.ping = String(response.status);
                document.body.dataset.hasToken = String(token.split(".").length === 3);
                shopify.toast.show("Saved");
              });
            </script>`),
        };
      case "/auth/session-token":
        // What the library's renderAppBridge answers for the bounce page.
        return { status: 200, headers: html, body: `<script data-api-key="${API_KEY}" src="${standIn.url}/cdn/app-bridge.js"></script>` };
      case "/auth/exit-iframe":
        return {
          status: 200,
          headers: html,
          body: `<script data-api-key="${API_KEY}" src="${standIn.url}/cdn/app-bridge.js"></script><script>window.open(${JSON.stringify(`${app.url}/auth/login?shop=${SHOP}`)}, "_top")</script>`,
        };
      default:
        return { status: 200, headers: html, body: `<p id="path">${url.pathname}</p>` };
    }
  };
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
}, 30_000);

afterAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  await browser.close();
  await standIn.close();
  await app.stop();
});

describe.skipIf(!existsSync(CHROMIUM))("App Bridge stand-in in a browser", () => {
  it("GIVEN the app embedded in the admin page WHEN it uses window.shopify THEN idToken, authenticated fetch, toast and the nav menu work", async () => {
    await page.goto(`${standIn.url}/${SHOP}/admin/apps/${API_KEY}`);
    const frame = page.frameLocator("#app-iframe");
    await expect.poll(() => frame.locator("body").getAttribute("data-ping")).toBe("200");
    expect(await frame.locator("body").getAttribute("data-has-token")).toBe("true");

    const ping = app.requests.find((r) => r.url === "/api/ping")!;
    const token = (ping.headers.authorization as string).replace("Bearer ", "");
    expect((await shopifyLibrary().session.decodeSessionToken(token)).dest).toBe(`https://${SHOP}`);
    await expect.poll(() => page.locator(".toast").first().textContent()).toBe("Saved");

    await page.locator("#app-nav a", { hasText: "Late shipments" }).click();
    await expect.poll(() => frame.locator("body").getAttribute("data-navigated")).toBe("/late");
  });

  it("GIVEN the library's bounce page WHEN App Bridge loads on it THEN it reloads the target with a fresh id_token", async () => {
    const reload = `${app.url}/reloaded?embedded=1&shop=${SHOP}`;
    await page.goto(`${standIn.url}/${SHOP}/admin/apps/${API_KEY}/auth/session-token?shopify-reload=${encodeURIComponent(reload)}`);
    await expect.poll(() => app.requests.some((r) => r.url.startsWith("/reloaded"))).toBe(true);
    const reloaded = new URL(app.requests.find((r) => r.url.startsWith("/reloaded"))!.url, app.url);
    expect(reloaded.searchParams.get("shop")).toBe(SHOP);
    const payload = await shopifyLibrary().session.decodeSessionToken(reloaded.searchParams.get("id_token")!);
    expect(payload.aud).toBe(API_KEY);
  });

  it("GIVEN the library's exit-iframe page WHEN it opens a URL in _top THEN the whole window goes there", async () => {
    await page.goto(`${standIn.url}/${SHOP}/admin/apps/${API_KEY}/auth/exit-iframe`);
    await page.waitForURL(`${app.url}/auth/login?shop=${SHOP}`);
    expect(await page.locator("#path").textContent()).toBe("/auth/login");
  });
});
