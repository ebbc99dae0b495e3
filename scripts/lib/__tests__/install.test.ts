import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isbot } from "isbot";
import { jwtVerify } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../sim/index.ts";
import { installApp } from "../install";

const SHOP = "demo-outfitters.myshopify.com";
const API_KEY = "install-test-key";
const API_SECRET = "install-test-secret";

let app: Server | undefined;
let standIn: StandIn | undefined;

/** An app that answers every request with `status` and records them. */
async function startApp(status: number): Promise<{ url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  app = createServer((request, response) => {
    requests.push(request);
    response.writeHead(status, { "Content-Type": "text/html" }).end("<p>app</p>");
  });
  await new Promise<void>((resolve) => app!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(app.address() as AddressInfo).port}`, requests };
}

async function adminUrlFor(appUrl: string): Promise<string> {
  standIn = await startStandIn({ apiKey: API_KEY, apiSecret: API_SECRET, appUrl, shops: [SHOP] });
  return `${standIn.url}/${SHOP}/admin/apps/${API_KEY}`;
}

afterEach(async () => {
  await standIn?.close();
  app?.closeAllConnections();
  await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
  standIn = undefined;
  app = undefined;
});

describe("installApp", () => {
  it("GIVEN the stand-in's admin page WHEN the app is installed THEN the app is loaded once, embedded, with a valid id_token for the shop, from a browser", async () => {
    const target = await startApp(200);

    await installApp({ adminUrl: await adminUrlFor(target.url) });

    expect(target.requests).toHaveLength(1);
    const launch = new URL(target.requests[0]!.url!, target.url);
    expect(launch.searchParams.get("embedded")).toBe("1");
    expect(launch.searchParams.get("shop")).toBe(SHOP);
    const { payload } = await jwtVerify(launch.searchParams.get("id_token")!, new TextEncoder().encode(API_SECRET), { audience: API_KEY });
    expect(payload.dest).toBe(`https://${SHOP}`);
    expect(isbot(target.requests[0]!.headers["user-agent"])).toBe(false);
  });

  it("GIVEN an app that refuses the load WHEN installing THEN it fails with the app's status", async () => {
    const target = await startApp(410);

    await expect(installApp({ adminUrl: await adminUrlFor(target.url) })).rejects.toThrow(/answered 410/);
  });
});
