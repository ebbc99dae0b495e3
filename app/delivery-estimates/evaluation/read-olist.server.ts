import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TZDate } from "@date-fns/tz";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { MalformedPayloadError } from "~/errors";
import { OLIST_TIME_ZONE, type OlistOrder } from "./olist-order";

const localTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const optionalTimestamp = z.union([z.literal(""), localTimestamp]);
const zipPrefix = z.string().regex(/^\d{1,5}$/).transform((zip) => zip.padStart(5, "0"));

const orderRow = z.object({
  order_id: z.string().min(1),
  customer_id: z.string().min(1),
  order_status: z.string().min(1),
  order_purchase_timestamp: localTimestamp,
  order_delivered_carrier_date: optionalTimestamp,
  order_delivered_customer_date: optionalTimestamp,
  order_estimated_delivery_date: optionalTimestamp,
});
const customerRow = z.object({ customer_id: z.string().min(1), customer_zip_code_prefix: zipPrefix, customer_state: z.string().length(2) });
const itemRow = z.object({ order_id: z.string().min(1), order_item_id: z.coerce.number().int().positive(), seller_id: z.string().min(1) });
const sellerRow = z.object({ seller_id: z.string().min(1), seller_zip_code_prefix: zipPrefix, seller_state: z.string().length(2) });

type SellerRow = z.infer<typeof sellerRow>;

const UNKNOWN_SELLER = "unknown-seller";

/** Reads one CSV of a directory in the Olist layout, validating every row. */
function readTable<T>(dir: string, file: string, schema: z.ZodType<T>): T[] {
  const records: Record<string, string>[] = parse(readFileSync(join(dir, file)), { columns: true, bom: true, skip_empty_lines: true });
  return records.map((record, index) => {
    const row = schema.safeParse(record);
    if (!row.success) throw new MalformedPayloadError(`${file} row ${index + 2}: ${row.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
    return row.data;
  });
}

const offsetByHour = new Map<string, number>();

/** A local São Paulo timestamp ("2018-03-01 14:05:00") as an instant. */
export function olistInstant(timestamp: string): Date {
  const asIfUtc = Date.parse(`${timestamp.replace(" ", "T")}Z`);
  // Offsets change only on the hour, so one time-zone lookup per local hour serves every timestamp in it.
  const hour = timestamp.slice(0, 13);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const [year, month, day, hours] = [hour.slice(0, 4), hour.slice(5, 7), hour.slice(8, 10), hour.slice(11, 13)].map(Number) as [number, number, number, number];
    offset = new TZDate(year, month - 1, day, hours, 0, 0, OLIST_TIME_ZONE).getTime() - Date.parse(`${hour.replace(" ", "T")}:00:00Z`);
    offsetByHour.set(hour, offset);
  }
  return new Date(asIfUtc + offset);
}

/** Sellers from every directory given (the test directory may omit the table). */
export function readOlistSellers(dirs: readonly string[]): Map<string, SellerRow> {
  const sellers = new Map<string, SellerRow>();
  for (const dir of dirs) {
    if (!existsSync(join(dir, "olist_sellers_dataset.csv"))) continue;
    for (const seller of readTable(dir, "olist_sellers_dataset.csv", sellerRow)) sellers.set(seller.seller_id, seller);
  }
  return sellers;
}

/**
 * The orders of a directory in the Olist CSV layout, joined to their customer and first seller. An order
 * whose seller or customer is missing is kept with what is known, so every delivered order is evaluated.
 */
export function readOlistOrders(dir: string, sellers: ReadonlyMap<string, SellerRow>): OlistOrder[] {
  const customers = new Map(readTable(dir, "olist_customers_dataset.csv", customerRow).map((customer) => [customer.customer_id, customer]));
  const firstSeller = new Map<string, { itemId: number; sellerId: string }>();
  for (const item of readTable(dir, "olist_order_items_dataset.csv", itemRow)) {
    const current = firstSeller.get(item.order_id);
    if (!current || item.order_item_id < current.itemId) firstSeller.set(item.order_id, { itemId: item.order_item_id, sellerId: item.seller_id });
  }
  const orders: OlistOrder[] = [];
  for (const row of readTable(dir, "olist_orders_dataset.csv", orderRow)) {
    const customer = customers.get(row.customer_id);
    const sellerId = firstSeller.get(row.order_id)?.sellerId;
    const seller = sellerId ? sellers.get(sellerId) : undefined;
    orders.push({
      orderId: row.order_id,
      status: row.order_status,
      purchasedAt: olistInstant(row.order_purchase_timestamp),
      handedOffAt: row.order_delivered_carrier_date ? olistInstant(row.order_delivered_carrier_date) : null,
      deliveredAt: row.order_delivered_customer_date ? olistInstant(row.order_delivered_customer_date) : null,
      olistEstimatedDate: row.order_estimated_delivery_date ? row.order_estimated_delivery_date.slice(0, 10) : null,
      facts: {
        originId: sellerId ?? UNKNOWN_SELLER,
        origin: { country: "BR", region: seller?.seller_state, postalCode: seller?.seller_zip_code_prefix },
        destination: { country: "BR", region: customer?.customer_state, postalCode: customer?.customer_zip_code_prefix },
      },
    });
  }
  return orders;
}
