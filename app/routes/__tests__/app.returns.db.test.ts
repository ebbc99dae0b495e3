import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/app.returns._index";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { embeddedRequest, signSessionToken } from "./embedded-request";

const database = useTestDatabase();
const SHOP = "returns-page.myshopify.com";
const args = (request: Request) => ({ request, params: {}, context: {} });
const statusOf = (response: { init?: ResponseInit | null }) => response.init?.status ?? 200;
const open = async (search: string) => loader(args(embeddedRequest(`/app/returns${search}`, await signSessionToken({ shop: SHOP }), "header", SHOP)));

beforeAll(async () => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
  await sessionStorage.storeSession(new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: "read_orders", accessToken: `shpat_${SHOP}` }));
  const money = { itemsValue: "10.00", fees: "0.00", refundAmount: "10.00", storeCreditAmount: "0.00", bonusAmount: "0.00", exchangeValue: "0.00", amountDue: "0.00" };
  // 55 requested refunds, one an hour back from now: more than one page of the queue.
  for (let n = 0; n < 55; n++) {
    await database.get().prisma.returnCase.create({
      data: {
        ...money,
        shop: SHOP,
        id: `case-${String(n).padStart(2, "0")}`,
        orderId: "gid://shopify/Order/1",
        customerId: "gid://shopify/Customer/1",
        status: "requested",
        outcome: "refund",
        idempotencyKey: `key-${n}`,
        decision: "{}",
        currency: "EUR",
        requestedAt: new Date(Date.now() - (n + 1) * 3_600_000),
      },
    });
  }
});

describe("returns page loader", () => {
  it("GIVEN ?period=90 and a status filter WHEN the page loads THEN it has the 90-day numbers and the first page of the filtered queue", async () => {
    const page = await open("?period=90&status=requested");

    expect(statusOf(page)).toBe(200);
    expect(page.data.metrics).toMatchObject({ periodDays: 90, cases: 55, open: { total: 55 } });
    expect(page.data.page.rows).toHaveLength(50);
    expect(page.data.page.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it("GIVEN the next page's cursor WHEN the page loads THEN the rest of the queue shows under the same filters", async () => {
    const first = await open("?status=requested");

    const next = await open(`?status=requested&after=${first.data.page.pageInfo.endCursor}`);

    expect(next.data.page.rows.map((row) => row.id)).toEqual(["case-50", "case-51", "case-52", "case-53", "case-54"]);
    expect(next.data.page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(next.data.metrics?.periodDays).toBe(30);
  });

  it.each([
    ["?period=7", "period"],
    ["?after=garbage", "after"],
  ])("GIVEN %s WHEN the page loads THEN 422 names %s and nothing else is loaded", async (search, field) => {
    const page = await open(search);

    expect(statusOf(page)).toBe(422);
    expect(Object.keys(page.data.filterError?.fieldErrors ?? {})).toEqual([field]);
    expect(page.data.metrics).toBeNull();
    expect(page.data.page.rows).toEqual([]);
  });
});
