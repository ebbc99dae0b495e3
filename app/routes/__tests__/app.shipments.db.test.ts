import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as detailLoader } from "~/routes/app.shipments.$id";
import { loader as listLoader } from "~/routes/app.shipments._index";
import { ALPHA, at, BETA, seedEvent, seedFulfillment, seedOrder, seedShipment } from "~/shipments/__tests__/fixtures";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { embeddedRequest, signSessionToken } from "./embedded-request";

const database = useTestDatabase();
let alphaParcel = "";
let betaParcel = "";

beforeAll(async () => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
  for (const shop of [ALPHA, BETA]) {
    await sessionStorage.storeSession(new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders", accessToken: `shpat_${shop}` }));
  }
  const client = database.get().prisma;
  const order = await seedOrder(client, ALPHA, 4001);
  const fulfillment = await seedFulfillment(client, ALPHA, order, 41, [{ lineItem: 1, title: "Headlamp", quantity: 1 }]);
  alphaParcel = await seedShipment(client, ALPHA, { orderId: order, fulfillmentId: fulfillment, trackingNumber: "1Z999AA10123456784", status: "exception" });
  await seedShipment(client, ALPHA, { orderId: order, fulfillmentId: fulfillment, trackingNumber: "1Z999AA10123456795", status: "delivered" });
  await seedEvent(client, ALPHA, { fulfillmentId: fulfillment, status: "exception", happenedAt: at("2026-03-03T10:00:00Z"), message: "Address unknown" });
  const betaOrder = await seedOrder(client, BETA, 4001);
  const betaFulfillment = await seedFulfillment(client, BETA, betaOrder, 41);
  betaParcel = await seedShipment(client, BETA, { orderId: betaOrder, fulfillmentId: betaFulfillment, trackingNumber: "BETA-1" });
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function list(shop: string, search: string) {
  const token = await signSessionToken({ shop });
  const response = await listLoader(args(embeddedRequest(`/app/shipments${search}`, token, "header", shop)));
  return { status: response.init?.status ?? 200, ...response.data };
}

describe("app.shipments._index loader", () => {
  it("GIVEN filters in the URL WHEN the list loads THEN it shows the shop's matching parcels and echoes the filters", async () => {
    const { status, result, analytics } = await list(ALPHA, "?status=exception&q=%234001");

    expect(status).toBe(200);
    if (!result.ok) throw new Error("expected a list");
    expect(result.filters).toMatchObject({ statuses: ["exception"], search: "#4001" });
    expect(result.page.rows.map((row) => row.trackingNumber)).toEqual(["1Z999AA10123456784"]);
    expect(analytics?.figures.views).toBe(0);
  });

  it("GIVEN shop B's session WHEN it lists shipments or searches shop A's tracking number THEN none of shop A's parcels appear", async () => {
    const all = await list(BETA, "");
    const searched = await list(BETA, "?q=1Z999AA10123456784");

    if (!all.result.ok || !searched.result.ok) throw new Error("expected lists");
    expect(all.result.page.rows.map((row) => row.trackingNumber)).toEqual(["BETA-1"]);
    expect(searched.result.page.rows).toEqual([]);
  });

  it.each([
    ["an unknown status", "?status=lost_in_space", "status"],
    ["a broken date", "?shipped_from=31-12-2026", "shipped_from"],
    ["a tampered cursor", "?after=AAAA", "after"],
  ])("GIVEN %s in the URL WHEN the list loads THEN it answers 422 with the parameter's message, not a crash", async (_, search, parameter) => {
    const { status, result } = await list(ALPHA, search);

    expect(status).toBe(422);
    if (result.ok) throw new Error("expected the filters to be refused");
    expect(Object.keys(result.fieldErrors)).toEqual([parameter]);
  });

  it("GIVEN a forged session token WHEN the list loads THEN it is rejected like every admin page", async () => {
    const token = await signSessionToken({ shop: ALPHA, secret: "not-the-app-secret" });

    await expect(listLoader(args(embeddedRequest("/app/shipments", token, "header", ALPHA)))).rejects.toMatchObject({ status: 401 });
  });
});

describe("app.shipments.$id loader", () => {
  it("GIVEN the shop's parcel WHEN its page loads THEN it has the order, items and timeline", async () => {
    const token = await signSessionToken({ shop: ALPHA });

    const { detail } = await detailLoader(args(embeddedRequest(`/app/shipments/${alphaParcel}`, token, "header", ALPHA), { id: alphaParcel }));

    expect(detail.order.name).toBe("#4001");
    expect(detail.items.map((item) => item.title)).toEqual(["Headlamp"]);
    expect(detail.timeline.map((event) => event.message)).toEqual(["Address unknown"]);
    expect(detail.siblings.map((sibling) => sibling.trackingNumber)).toEqual(["1Z999AA10123456795"]);
  });

  it.each([
    ["another shop's parcel", () => betaParcel],
    ["an unknown id", () => "nope"],
  ])("GIVEN %s WHEN shop A opens it THEN it is a 404", async (_, id) => {
    const token = await signSessionToken({ shop: ALPHA });

    const loading = detailLoader(args(embeddedRequest(`/app/shipments/${id()}`, token, "header", ALPHA), { id: id() }));

    await expect(loading).rejects.toMatchObject({ status: 404 });
  });
});
