import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { easyPostFake } from "~/returns/__tests__/easypost-fake";
import { listReturnPolicyVersions, loadReturnPolicy } from "~/returns/policy-store.server";
import { action, loader } from "~/routes/app.returns.settings";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { embeddedRequest, signSessionToken } from "./embedded-request";

const database = useTestDatabase();
const SHOP = "policy-editor.myshopify.com";
const args = (request: Request) => ({ request, params: {}, context: {} });

beforeAll(async () => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
  await sessionStorage.storeSession(new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: "read_orders", accessToken: `shpat_${SHOP}` }));
  const at = new Date("2026-11-01T10:00:00Z");
  await database.get().prisma.order.create({ data: { shop: SHOP, id: "gid://shopify/Order/1001", name: "#1001", processedAt: at, shopifyUpdatedAt: at } });
});

async function post(json: unknown): Promise<Request> {
  const signed = embeddedRequest("/app/returns/settings", await signSessionToken({ shop: SHOP }), "header", SHOP);
  const headers = new Headers(signed.headers);
  headers.set("Content-Type", "application/json");
  return new Request(signed.url, { method: "POST", headers, body: typeof json === "string" ? json : JSON.stringify(json) });
}

const statusOf = (response: { init?: ResponseInit | null }) => response.init?.status ?? 200;

describe("return policy page", () => {
  it("GIVEN a shop that never saved WHEN the page loads with ?orderQuery=1001 THEN it shows the defaults, no versions and the matching order", async () => {
    const page = await loader(args(embeddedRequest("/app/returns/settings?orderQuery=1001", await signSessionToken({ shop: SHOP }), "header", SHOP)));

    expect(page.data.policy.window).toMatchObject({ days: 30, basis: "delivered" });
    expect(page.data.versions).toEqual([]);
    expect(page.data.orders.map((order) => order.name)).toEqual(["#1001"]);
  });

  it("GIVEN an invalid policy WHEN saved THEN 422 names each field and nothing is stored", async () => {
    const answer = await action(args(await post({ intent: "save", policy: { window: { days: 9999 }, fees: { returnShipping: "free" } } })));

    expect(statusOf(answer)).toBe(422);
    expect(answer.data).toMatchObject({ ok: false, fieldErrors: { "window.days": [expect.any(String)], "fees.returnShipping": ["must be an amount like 5.00"] } });
    expect(await listReturnPolicyVersions(database.get().prisma, SHOP)).toEqual([]);
  });

  it("GIVEN a valid policy WHEN saved THEN it is the current version", async () => {
    const answer = await action(args(await post({ intent: "save", policy: { window: { days: 45 }, outcomes: { storeCreditBonusPercent: 5 } } })));

    expect(answer.data).toEqual({ intent: "save", ok: true });
    expect((await loadReturnPolicy(database.get().prisma, SHOP)).window.days).toBe(45);
  });

  it("GIVEN a simulation with an invalid unsaved policy WHEN run THEN 422 names the policy field and the saved policy is unchanged", async () => {
    const answer = await action(args(await post({ intent: "simulate", simulation: { policy: { outcomes: { offered: [] } }, orderId: "gid://shopify/Order/1001" } })));

    expect(statusOf(answer)).toBe(422);
    expect(Object.keys((answer.data as { fieldErrors: object }).fieldErrors)).toEqual(["policy.outcomes.offered"]);
    expect((await loadReturnPolicy(database.get().prisma, SHOP)).outcomes.offered).toHaveLength(3);
  });

  it("GIVEN a simulation of an order this shop doesn't have WHEN run THEN 404 with the reason", async () => {
    const answer = await action(args(await post({ intent: "simulate", simulation: { policy: {}, orderId: "gid://shopify/Order/424242" } })));
    expect(statusOf(answer)).toBe(404);
  });

  it.each([["not JSON", "{"], ["an unknown intent", { intent: "delete" }]])("GIVEN %s WHEN posted THEN 422 says what is expected", async (_name, body) => {
    const answer = await action(args(await post(body)));
    expect(statusOf(answer)).toBe(422);
    expect(answer.data).toMatchObject({ ok: false, fieldErrors: { intent: ["must be save, simulate, labels or forget_label_key, with a JSON body"] } });
  });
});

describe("return label settings on the policy page", () => {
  const KEY = "EZTKroutekey00000000000000abcd";
  afterEach(() => vi.unstubAllGlobals());

  it("GIVEN a key EasyPost refuses WHEN saved THEN 422 with EasyPost's reason on the key, and the page still says no key", async () => {
    vi.stubGlobal("fetch", easyPostFake({ validKeys: [KEY] }).fetch);

    const answer = await action(args(await post({ intent: "labels", labels: { provider: "easypost", apiKey: "EZTKwrongkey" } })));

    expect(statusOf(answer)).toBe(422);
    expect(answer.data).toMatchObject({ ok: false, message: "EasyPost did not accept this API key", fieldErrors: { apiKey: [expect.stringContaining("was not accepted by EasyPost")] } });
    const page = await loader(args(embeddedRequest("/app/returns/settings", await signSessionToken({ shop: SHOP }), "header", SHOP)));
    expect(page.data.labels).toMatchObject({ provider: "uploaded", apiKey: { set: false } });
  });

  it("GIVEN a key EasyPost accepts WHEN saved THEN the answer and the page say 'ends in abcd' and never contain the key", async () => {
    const easyPost = easyPostFake({ validKeys: [KEY] });
    vi.stubGlobal("fetch", easyPost.fetch);

    const answer = await action(args(await post({ intent: "labels", labels: { provider: "easypost", apiKey: KEY } })));
    const page = await loader(args(embeddedRequest("/app/returns/settings", await signSessionToken({ shop: SHOP }), "header", SHOP)));

    expect(answer.data).toMatchObject({ intent: "labels", ok: true, labels: { provider: "easypost", apiKey: { set: true, endsIn: "abcd" } } });
    expect(page.data.labels).toMatchObject({ provider: "easypost", apiKey: { set: true, endsIn: "abcd" } });
    expect(JSON.stringify([answer.data, page.data])).not.toContain(KEY);
    expect(easyPost.calls.map((call) => call.apiKey)).toEqual([KEY]);
  });

  it("GIVEN EasyPost cannot be reached WHEN a key is saved THEN 502 with the reason, not a crash, and nothing changes", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });

    const before = await database.get().prisma.returnLabelSettings.findUnique({ where: { shop: SHOP } });

    const answer = await action(args(await post({ intent: "labels", labels: { provider: "easypost", apiKey: "EZTKanotherkey" } })));

    expect(statusOf(answer)).toBe(502);
    expect(answer.data).toMatchObject({ ok: false, message: expect.stringContaining("EasyPost could not be reached") });
    expect(await database.get().prisma.returnLabelSettings.findUnique({ where: { shop: SHOP } })).toEqual(before);
  });
});
