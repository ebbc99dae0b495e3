import { beforeEach, describe, expect, it, vi } from "vitest";
import { recurringKey } from "~/jobs/queue.server";
import { useTestDatabase } from "~/test/database";
import type { WebhookEventContext } from "~/webhooks/handler";
import { BACKFILL_LOOKBACK_HOURS, RECONCILE_EVERY_MS, RECONCILE_JOB, onShopAuthenticated } from "../install.server";
import { onAppUninstalled, onScopesUpdated } from "../lifecycle.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SHOP = "lifecycle.myshopify.com";
const OTHER_SHOP = "neighbour.myshopify.com";

const SHOP_QUERY_RESPONSE = {
  data: {
    shop: {
      name: "Zoë's Tea Shop 🍵",
      email: "owner@example.com",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Paris",
      primaryDomain: { host: "tea.example" },
    },
  },
};

function adminAnswering(body: unknown) {
  return { graphql: vi.fn(async () => new Response(JSON.stringify(body))) };
}

function eventAt(triggeredAt: Date): WebhookEventContext {
  return { id: "evt", topic: "app/uninstalled", triggeredAt, receivedAt: triggeredAt };
}

async function seedShopData(shop: string) {
  await prisma().session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "token", scope: "read_orders" } });
  await prisma().order.create({
    data: { shop, id: "gid://shopify/Order/1", name: "#1001", processedAt: new Date(), shopifyUpdatedAt: new Date() },
  });
}

async function install(shop = SHOP, admin = adminAnswering(SHOP_QUERY_RESPONSE)) {
  await onShopAuthenticated({ shop, scopes: "read_orders", admin }, prisma());
}

beforeEach(async () => {
  for (const table of [prisma().session, prisma().order, prisma().job, prisma().shop] as const) {
    await (table as { deleteMany(args: object): Promise<unknown> }).deleteMany({});
  }
});

describe("onShopAuthenticated", () => {
  it("GIVEN a new shop WHEN it authenticates THEN it is installed with its details, a recurring reconcile and a backfill", async () => {
    const admin = adminAnswering(SHOP_QUERY_RESPONSE);

    await install(SHOP, admin);

    expect(await prisma().shop.findUniqueOrThrow({ where: { shop: SHOP } })).toMatchObject({
      name: "Zoë's Tea Shop 🍵",
      email: "owner@example.com",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Paris",
      scopes: "read_orders",
      uninstalledAt: null,
    });
    expect(admin.graphql).toHaveBeenCalledWith(expect.stringContaining("#graphql"));
    const jobs = await prisma().job.findMany({ where: { shop: SHOP, name: RECONCILE_JOB }, orderBy: { runAt: "asc" } });
    expect(jobs).toHaveLength(2);
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ lookbackHours: BACKFILL_LOOKBACK_HOURS, backfill: true });
    expect(jobs[0]!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(jobs[1]).toMatchObject({ uniqueKey: recurringKey(RECONCILE_JOB), repeatEveryMs: RECONCILE_EVERY_MS });
  });

  it("GIVEN an installed shop WHEN it authenticates again THEN no second recurring job or backfill appears", async () => {
    await install();

    await install();

    expect(await prisma().job.count({ where: { shop: SHOP, name: RECONCILE_JOB } })).toBe(2);
  });

  it.each([
    ["GraphQL errors", { errors: [{ message: "Throttled" }] }],
    ["an unexpected shape", { data: { shop: { name: 42 } } }],
    ["no data", { data: null }],
  ])("GIVEN the shop query answers with %s WHEN the shop authenticates THEN the install is still recorded", async (_label, body) => {
    await install(SHOP, adminAnswering(body));

    expect(await prisma().shop.findUniqueOrThrow({ where: { shop: SHOP } })).toMatchObject({ name: null, uninstalledAt: null });
    expect(await prisma().job.count({ where: { shop: SHOP, name: RECONCILE_JOB } })).toBe(2);
  });
});

describe("app/uninstalled and reinstall", () => {
  it("GIVEN an installed shop with data WHEN app/uninstalled is applied THEN its sessions are gone, its jobs cancelled, its data kept", async () => {
    await install();
    await install(OTHER_SHOP);
    await seedShopData(SHOP);
    await seedShopData(OTHER_SHOP);
    const uninstalledAt = new Date(Date.now() + 1_000);

    await onAppUninstalled(prisma(), SHOP, {}, eventAt(uninstalledAt));

    expect(await prisma().session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma().job.count({ where: { shop: SHOP, status: { in: ["queued", "running"] } } })).toBe(0);
    expect(await prisma().order.count({ where: { shop: SHOP } })).toBe(1);
    expect((await prisma().shop.findUniqueOrThrow({ where: { shop: SHOP } })).uninstalledAt).toEqual(uninstalledAt);
    // The neighbour is untouched.
    expect(await prisma().session.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    // Its reconcile (recurring and backfill) and its recurring exceptions scan.
    expect(await prisma().job.count({ where: { shop: OTHER_SHOP, status: "queued" } })).toBe(3);
  });

  it("GIVEN an uninstalled shop WHEN it reinstalls within 48 h THEN it is installed again with its data and its jobs rescheduled", async () => {
    await install();
    await seedShopData(SHOP);
    await onAppUninstalled(prisma(), SHOP, {}, eventAt(new Date(Date.now() + 1_000)));

    await install();

    const shop = await prisma().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(shop.uninstalledAt).toBeNull();
    expect(await prisma().order.count({ where: { shop: SHOP } })).toBe(1);
    expect(await prisma().job.count({ where: { shop: SHOP, name: RECONCILE_JOB, status: "queued" } })).toBe(2);
  });

  it("GIVEN a reinstall WHEN a late app/uninstalled from before it is applied THEN the new install is left alone", async () => {
    const before = new Date(Date.now() - 60_000);
    await install();
    await seedShopData(SHOP);

    await onAppUninstalled(prisma(), SHOP, {}, eventAt(before));

    expect(await prisma().session.count({ where: { shop: SHOP } })).toBe(1);
    expect((await prisma().shop.findUniqueOrThrow({ where: { shop: SHOP } })).uninstalledAt).toBeNull();
  });
});

describe("app/scopes_update", () => {
  it("GIVEN a shop with sessions WHEN scopes_update arrives THEN the shop and its sessions carry the current scopes", async () => {
    await install();
    await seedShopData(SHOP);
    await seedShopData(OTHER_SHOP);

    await onScopesUpdated(prisma(), SHOP, { previous: ["read_orders"], current: ["read_orders", "write_returns"] }, eventAt(new Date()));

    expect((await prisma().shop.findUniqueOrThrow({ where: { shop: SHOP } })).scopes).toBe("read_orders,write_returns");
    expect((await prisma().session.findFirstOrThrow({ where: { shop: SHOP } })).scope).toBe("read_orders,write_returns");
    expect((await prisma().session.findFirstOrThrow({ where: { shop: OTHER_SHOP } })).scope).toBe("read_orders");
  });

  it("GIVEN a scopes_update without current scopes WHEN applied THEN it is rejected as malformed", async () => {
    await expect(onScopesUpdated(prisma(), SHOP, { previous: [] }, eventAt(new Date()))).rejects.toThrow(/app\/scopes_update/);
  });
});
