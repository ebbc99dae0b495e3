import type { Database } from "../../app/db.server";

/**
 * Bulk data for the tracking-page bench, generated inside the database with INSERT … SELECT over a number
 * series (a recursive CTE on SQLite, generate_series on PostgreSQL), so a million shipments take seconds, not
 * a million round trips. Every fourth order is split into two fulfillments; each parcel has four scans and
 * its fulfillment one Shopify event.
 */

export interface TrackingDataShape {
  shop: string;
  orders: number;
  shipments: number;
  events: number;
}

const SCANS_PER_PARCEL = 4;
const STATUSES = ["label_created", "in_transit", "out_for_delivery", "delivered", "in_transit", "delayed", "delivered", "exception"];

interface Dialect {
  /** INSERT INTO … SELECT … over `seq(i)` for i in 1..n. */
  insertFromSeries(n: number, insert: string, select: string): string;
  /** A timestamp `minutes` after 2026-10-01 in the column format Prisma reads. */
  time(minutes: string): string;
  bool(value: boolean): string;
  /** An integer as fixed-width text, so generated ids sort in insert order and index inserts append. */
  padded(expr: string): string;
}

const sqlite: Dialect = {
  insertFromSeries: (n, insert, select) => `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}) ${insert} SELECT ${select} FROM seq`,
  time: (minutes) => `strftime('%Y-%m-%dT%H:%M:%f', '2026-10-01T00:00:00', '+' || (${minutes}) || ' minutes') || '+00:00'`,
  bool: (value) => (value ? "1" : "0"),
  padded: (expr) => `printf('%09d', ${expr})`,
};

const postgres: Dialect = {
  insertFromSeries: (n, insert, select) => `${insert} SELECT ${select} FROM generate_series(1, ${n}) AS seq(i)`,
  time: (minutes) => `TIMESTAMP '2026-10-01 00:00:00' + (${minutes}) * INTERVAL '1 minute'`,
  bool: (value) => (value ? "true" : "false"),
  padded: (expr) => `lpad((${expr})::text, 9, '0')`,
};

/** The statements that generate `shipments` parcels for `shop`, in insert order. */
export function trackingDataStatements(provider: Database["provider"], shop: string, shipments: number): { statements: string[]; shape: TrackingDataShape } {
  const d = provider === "sqlite" ? sqlite : postgres;
  const orders = Math.ceil(shipments / 1.25);
  const splits = Math.floor(orders / 4);
  const s = `'${shop}'`;
  const placed = d.time("seq.i * 2");
  const statusOf = (expr: string) => `CASE (${expr}) % ${STATUSES.length} ${STATUSES.map((status, index) => `WHEN ${index} THEN '${status}'`).join(" ")} END`;
  // Fulfillment k of order i: k = 0 for every order, k = 1 for the split ones (i = 4, 8, …).
  const parcel = (k: 0 | 1, i: string) => `'S' || ${d.padded(i)} || '-${k}'`;
  const fulfillment = (k: 0 | 1, i: string) => `'gid://shopify/Fulfillment/' || ${i} || '${k}'`;
  const order = (i: string) => `'gid://shopify/Order/' || ${i}`;
  const lineItem = (i: string, n: 0 | 1) => `'gid://shopify/LineItem/' || ${i} || '${n}'`;

  const statements = [
    d.insertFromSeries(
      orders,
      `INSERT INTO "Order" ("shop", "id", "name", "email", "locale", "customerId", "processedAt", "shopifyUpdatedAt", "updatedAt")`,
      `${s}, ${order("seq.i")}, '#' || (1000 + seq.i), 'shopper' || seq.i || '@example.com', 'en', 'gid://shopify/Customer/' || seq.i, ${placed}, ${placed}, ${placed}`,
    ),
    ...([0, 1] as const).map((n) =>
      d.insertFromSeries(
        orders,
        `INSERT INTO "LineItem" ("shop", "id", "orderId", "productId", "title", "variantTitle", "quantity", "requiresShipping")`,
        `${s}, ${lineItem("seq.i", n)}, ${order("seq.i")}, 'gid://shopify/Product/' || (seq.i % 30 + ${n}), 'Trailhead Rain Jacket ${n}', 'Spruce / M', 1 + seq.i % 2, ${d.bool(true)}`,
      ),
    ),
    ...([0, 1] as const).flatMap((k) => {
      const count = k === 0 ? orders : splits;
      const i = k === 0 ? "seq.i" : "(seq.i * 4)";
      const shipped = d.time(`${i} * 2 + 600 + ${k * 60}`);
      return [
        d.insertFromSeries(
          count,
          `INSERT INTO "Fulfillment" ("shop", "id", "orderId", "status", "trackingCompany", "shopifyCreatedAt", "shopifyUpdatedAt", "updatedAt")`,
          `${s}, ${fulfillment(k, i)}, ${order(i)}, 'success', 'UPS', ${shipped}, ${shipped}, ${shipped}`,
        ),
        // An unsplit order ships both items in fulfillment 0; a split one ships item 1 in fulfillment 1.
        d.insertFromSeries(
          count,
          `INSERT INTO "FulfillmentLineItem" ("shop", "fulfillmentId", "lineItemId", "quantity")`,
          `${s}, ${fulfillment(k, i)}, ${lineItem(i, k)}, 1`,
        ),
        ...(k === 0
          ? [
              d.insertFromSeries(
                count - splits,
                `INSERT INTO "FulfillmentLineItem" ("shop", "fulfillmentId", "lineItemId", "quantity")`,
                // The unsplit orders: i not divisible by 4, enumerated as seq.i + floor((seq.i - 1) / 3).
                `${s}, ${fulfillment(0, "(seq.i + (seq.i - 1) / 3)")}, ${lineItem("(seq.i + (seq.i - 1) / 3)", 1)}, 1`,
              ),
            ]
          : []),
        d.insertFromSeries(
          count,
          `INSERT INTO "Shipment" ("shop", "id", "orderId", "fulfillmentId", "trackingNumber", "trackingUrl", "carrier", "status", "statusAt", "estimatedDeliveryAt", "shippedAt", "lastEventAt", "updatedAt")`,
          `${s}, ${parcel(k, i)}, ${order(i)}, ${fulfillment(k, i)}, '1Z999AA1' || ${i} || '${k}', 'https://www.ups.com/track?tracknum=1Z999AA1' || ${i} || '${k}', 'UPS', ${statusOf(`${i} + ${k}`)}, ${shipped}, ${d.time(`${i} * 2 + 4000`)}, ${shipped}, ${shipped}, ${shipped}`,
        ),
        d.insertFromSeries(
          count,
          `INSERT INTO "TrackingEvent" ("shop", "id", "fulfillmentId", "source", "externalId", "status", "happenedAt", "message")`,
          `${s}, 'FE${k}' || ${d.padded(i)}, ${fulfillment(k, i)}, 'shopify', 'fe${k}-' || ${d.padded(i)}, 'label_created', ${shipped}, 'Shipping label created'`,
        ),
        d.insertFromSeries(
          count * SCANS_PER_PARCEL,
          `INSERT INTO "TrackingEvent" ("shop", "id", "shipmentId", "source", "externalId", "status", "happenedAt", "message", "city", "country")`,
          (() => {
            const owner = k === 0 ? "((seq.i - 1) / 4 + 1)" : "(((seq.i - 1) / 4 + 1) * 4)";
            const scan = "((seq.i - 1) % 4)";
            return `${s}, 'E${k}' || ${d.padded("seq.i")}, ${parcel(k, owner)}, 'carrier', 'scan${k}-' || ${d.padded("seq.i")}, ${statusOf(scan)}, ${d.time(`${owner} * 2 + 700 + ${scan} * 600`)}, 'Departed facility', 'Louisville', 'US'`;
          })(),
        ),
      ];
    }),
  ];
  return { statements, shape: { shop, orders, shipments: orders + splits, events: (orders + splits) * (SCANS_PER_PARCEL + 1) } };
}

/** Runs the statements on `database` and refreshes the planner's statistics. */
export async function generateTrackingData(database: Database, shop: string, shipments: number): Promise<TrackingDataShape> {
  const { statements, shape } = trackingDataStatements(database.provider, shop, shipments);
  // A bench database is thrown away: trade durability for load speed, and cache the indexes being built.
  if (database.provider === "sqlite") {
    for (const pragma of ["PRAGMA synchronous = OFF", "PRAGMA cache_size = -1000000"]) await database.prisma.$queryRawUnsafe(pragma);
  }
  for (const statement of statements) await database.prisma.$executeRawUnsafe(statement);
  await database.prisma.$executeRawUnsafe("ANALYZE");
  return shape;
}
