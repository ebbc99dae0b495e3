/**
 * `tsx bench/edd/split.ts --source <dir> --cut 2017-10-01 [--from 2017-01-01] [--until 2018-03-01] --out <dir>`:
 * splits a directory in the Olist layout by purchase date into <out>/train (purchased before the cut) and
 * <out>/test (on or after it, before --until), the way the withheld evaluation split was made. Sellers and
 * products are copied whole. Rows are copied byte for byte.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const args = z
  .object({ source: z.string().min(1), out: z.string().min(1), cut: isoDate, from: isoDate.optional(), until: isoDate.optional() })
  .parse(
    parseArgs({ options: { source: { type: "string" }, out: { type: "string" }, cut: { type: "string" }, from: { type: "string" }, until: { type: "string" } } })
      .values,
  );

interface RawTable {
  header: string;
  rows: { record: Record<string, string>; line: string }[];
}

function readRaw(file: string): RawTable {
  const text = readFileSync(file, "utf8");
  const header = text.slice(0, text.indexOf("\n"));
  const rows = (parse(text, { columns: true, bom: true, skip_empty_lines: true, raw: true }) as { record: Record<string, string>; raw: string }[]).map(
    (row) => ({ record: row.record, line: row.raw.replace(/\r?\n$/, "") }),
  );
  return { header, rows };
}

function write(dir: string, file: string, table: RawTable, keep: (record: Record<string, string>) => boolean): number {
  const kept = table.rows.filter((row) => keep(row.record));
  writeFileSync(join(dir, file), [table.header, ...kept.map((row) => row.line)].join("\n") + "\n");
  return kept.length;
}

const orders = readRaw(join(args.source, "olist_orders_dataset.csv"));
const customers = readRaw(join(args.source, "olist_customers_dataset.csv"));
const items = readRaw(join(args.source, "olist_order_items_dataset.csv"));

for (const part of ["train", "test"] as const) {
  const dir = join(args.out, part);
  mkdirSync(dir, { recursive: true });
  const inPart = (purchased: string) =>
    part === "train"
      ? purchased < args.cut && (!args.from || purchased >= args.from)
      : purchased >= args.cut && (!args.until || purchased < args.until);
  const orderIds = new Set(orders.rows.filter((row) => inPart(row.record.order_purchase_timestamp!.slice(0, 10))).map((row) => row.record.order_id!));
  const customerIds = new Set(orders.rows.filter((row) => orderIds.has(row.record.order_id!)).map((row) => row.record.customer_id!));
  const counted = write(dir, "olist_orders_dataset.csv", orders, (record) => orderIds.has(record.order_id!));
  write(dir, "olist_customers_dataset.csv", customers, (record) => customerIds.has(record.customer_id!));
  write(dir, "olist_order_items_dataset.csv", items, (record) => orderIds.has(record.order_id!));
  for (const file of ["olist_sellers_dataset.csv", "olist_products_dataset.csv", "product_category_name_translation.csv"]) {
    if (existsSync(join(args.source, file))) copyFileSync(join(args.source, file), join(dir, file));
  }
  console.log(`${part}: ${counted} orders`);
}
