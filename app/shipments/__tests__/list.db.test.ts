import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { listShipments, type ShipmentListPage } from "../list.server";
import { parseShipmentListQuery } from "../list-query";
import { ALPHA, at, BETA, seedFulfillment, seedOrder, seedShipment, type ShipmentFields } from "./fixtures";

const database = useTestDatabase();
const NOW = at("2026-03-10T12:00:00Z");
const ids: Record<string, string> = {};

async function seedParcel(shop: string, key: string, order: number, fields: Omit<ShipmentFields, "orderId" | "fulfillmentId" | "trackingNumber">) {
  const client = database.get().prisma;
  const orderId = `gid://shopify/Order/${order}`;
  if (!(await client.order.findFirst({ where: { shop, id: orderId } }))) await seedOrder(client, shop, order);
  const fulfillmentId = await seedFulfillment(client, shop, orderId, order * 10 + Object.keys(ids).length);
  ids[key] = await seedShipment(client, shop, { orderId, fulfillmentId, trackingNumber: key, ...fields });
}

beforeAll(async () => {
  const client = database.get().prisma;
  await client.shop.create({ data: { shop: ALPHA, ianaTimezone: "America/New_York" } });
  const etaPassed = at("2026-03-04T00:00:00Z");
  await seedParcel(ALPHA, "1Z999AA10123456784", 1001, { carrier: "UPS", status: "in_transit", lastEventAt: at("2026-03-09T12:00:00Z"), estimatedDeliveryAt: etaPassed });
  await seedParcel(ALPHA, "9400111899223197428490", 1002, { carrier: "USPS", status: "delivered", lastEventAt: at("2026-03-06T12:00:00Z"), estimatedDeliveryAt: etaPassed });
  await seedParcel(ALPHA, "123456789012", 1003, { carrier: "FedEx", status: "exception", lastEventAt: at("2026-03-09T12:00:00Z") });
  await seedParcel(ALPHA, "JD014600006281230704", 1004, { carrier: "DHL", status: "delayed", lastEventAt: at("2026-03-08T12:00:00Z") });
  // Shipped at 22:00 on March 8 in New York, already March 9 in UTC.
  await seedParcel(ALPHA, "RR123456785GB", 1005, { carrier: "Royal Mail", status: "label_created", statusAt: at("2026-03-09T03:00:00Z"), shippedAt: at("2026-03-09T03:00:00Z"), lastEventAt: null });
  // No scan since March 3: stalled.
  await seedParcel(ALPHA, "RR987654329GB", 1005, { carrier: "Royal Mail", status: "in_transit", statusAt: at("2026-03-03T00:00:00Z"), lastEventAt: null });
  await seedParcel(BETA, "BETA-1Z999AA10123456784", 1001, { carrier: "UPS", status: "in_transit", lastEventAt: at("2026-03-09T12:00:00Z") });
});

async function list(shop: string, search: string, pageSize?: number): Promise<ShipmentListPage> {
  return listShipments(database.get().prisma, shop, parseShipmentListQuery(new URLSearchParams(search)), { now: NOW, pageSize });
}

const trackingNumbers = (page: ShipmentListPage) => page.rows.map((row) => row.trackingNumber).sort();

describe("listShipments filters and search", () => {
  it.each([
    ["no filter", "", ["1Z999AA10123456784", "9400111899223197428490", "123456789012", "JD014600006281230704", "RR123456785GB", "RR987654329GB"]],
    ["several statuses", "status=in_transit&status=exception", ["1Z999AA10123456784", "123456789012", "RR987654329GB"]],
    ["comma-separated statuses", "status=delivered,delayed", ["9400111899223197428490", "JD014600006281230704"]],
    ["a carrier", "carrier=USPS", ["9400111899223197428490"]],
    ["delayed: reported delayed, or open past its ETA (a delivered late parcel is not)", "delayed=1", ["1Z999AA10123456784", "JD014600006281230704"]],
    ["needs attention: exception, delayed, stalled", "attention=1", ["123456789012", "JD014600006281230704", "RR987654329GB"]],
    ["ship date is the shop's calendar day (New York)", "shipped_from=2026-03-08&shipped_to=2026-03-08", ["RR123456785GB"]],
    ["ship date from a day onwards", "shipped_from=2026-03-09", []],
    ["order name with #", "q=%231002", ["9400111899223197428490"]],
    ["order name without #", "q=1002", ["9400111899223197428490"]],
    ["order name of a split order: every parcel", "q=%231005", ["RR123456785GB", "RR987654329GB"]],
    ["tracking number pasted lower case with spaces", "q=1z999aa10 123456784", ["1Z999AA10123456784"]],
    ["filters combine", "status=in_transit&carrier=Royal Mail", ["RR987654329GB"]],
    ["no match", "q=nothing", []],
  ])("GIVEN shop A's parcels WHEN listing with %s THEN exactly the matching parcels come back", async (_, search, expected) => {
    const page = await list(ALPHA, search);

    expect(trackingNumbers(page)).toEqual([...expected].sort());
  });

  it("GIVEN a parcel WHEN listed THEN its row carries the order name and the fields the table shows", async () => {
    const page = await list(ALPHA, "q=1002");

    expect(page.rows).toEqual([
      expect.objectContaining({ id: ids["9400111899223197428490"], orderName: "#1002", carrier: "USPS", status: "delivered", lastEventAt: at("2026-03-06T12:00:00Z") }),
    ]);
    expect(page.carriers).toEqual(["DHL", "FedEx", "Royal Mail", "UPS", "USPS"]);
    expect(page.timeZone).toBe("America/New_York");
  });
});

describe("listShipments shop isolation", () => {
  it.each([
    ["everything", ""],
    ["shop A's order name", "q=%231001"],
    ["shop A's tracking number", "q=1Z999AA10123456784"],
    ["shop A's carrier", "carrier=FedEx"],
  ])("GIVEN shop B WHEN listing %s THEN none of shop A's parcels or carriers appear", async (_, search) => {
    const page = await list(BETA, search);

    expect(page.rows.every((row) => row.trackingNumber.startsWith("BETA-"))).toBe(true);
    expect(page.carriers).toEqual(["UPS"]);
  });
});

describe("listShipments pagination by last activity", () => {
  async function pageThrough(sort: string, pageSize: number): Promise<{ forward: string[]; backward: string[] }> {
    const forward: string[] = [];
    let cursor: string | null = null;
    let last: ShipmentListPage | undefined;
    do {
      last = await list(ALPHA, `sort=${sort}${cursor ? `&after=${cursor}` : ""}`, pageSize);
      forward.push(...last.rows.map((row) => row.id));
      cursor = last.pageInfo.hasNextPage ? last.pageInfo.endCursor : null;
    } while (cursor);
    const backward: string[] = [...last.rows.map((row) => row.id)];
    let before = last.pageInfo.hasPreviousPage ? last.pageInfo.startCursor : null;
    while (before) {
      const page = await list(ALPHA, `sort=${sort}&before=${before}`, pageSize);
      backward.unshift(...page.rows.map((row) => row.id));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    }
    return { forward, backward };
  }

  it.each(["activity_desc", "activity_asc"])("GIVEN ties and parcels without events WHEN paging %s two at a time, forward then back THEN every parcel appears once in the one-page order", async (sort) => {
    const whole = (await list(ALPHA, `sort=${sort}`)).rows.map((row) => row.id);

    const { forward, backward } = await pageThrough(sort, 2);

    expect(forward).toEqual(whole);
    expect(backward).toEqual(whole);
    expect(new Set(whole).size).toBe(6);
  });

  it("GIVEN the default sort WHEN listed THEN the most recent activity comes first and parcels with no event last", async () => {
    const rows = (await list(ALPHA, "")).rows.map((row) => row.trackingNumber);

    expect(new Set(rows.slice(0, 2))).toEqual(new Set(["1Z999AA10123456784", "123456789012"]));
    expect(rows.slice(2, 4)).toEqual(["JD014600006281230704", "9400111899223197428490"]);
    expect(new Set(rows.slice(4))).toEqual(new Set(["RR123456785GB", "RR987654329GB"]));
  });

  it("GIVEN the first page WHEN read THEN it has no previous page, and the last page has no next", async () => {
    const first = await list(ALPHA, "", 4);
    const second = await list(ALPHA, `after=${first.pageInfo.endCursor}`, 4);

    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(second.rows).toHaveLength(2);
  });
});
