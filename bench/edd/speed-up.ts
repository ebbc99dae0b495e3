/**
 * `tsx bench/edd/speed-up.ts --cut <dir> --from 2017-12-15 --factor 0.6 --out <dir>`: copies a development cut made
 * by split.ts and makes its test orders purchased from --from faster: time to hand-off and time in transit are both
 * scaled by --factor. The withheld period (Mar–Aug 2018) is such a speed-up; this shows how fast the promises follow
 * one (run dev-cuts.ts --monthly on the result). The orders file has no quoted fields, so lines are split on commas.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const args = z
  .object({ cut: z.string().min(1), out: z.string().min(1), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), factor: z.coerce.number().gt(0).lte(1) })
  .parse(parseArgs({ options: { cut: { type: "string" }, out: { type: "string" }, from: { type: "string" }, factor: { type: "string" } } }).values);

cpSync(args.cut, args.out, { recursive: true });
const file = join(args.out, "test", "olist_orders_dataset.csv");
const [header, ...lines] = readFileSync(file, "utf8").trimEnd().split("\n");
const columns = header!.split(",");
const at = (name: string) => columns.indexOf(name);
const [PURCHASE, CARRIER, CUSTOMER] = [at("order_purchase_timestamp"), at("order_delivered_carrier_date"), at("order_delivered_customer_date")];

// Olist's local timestamps are shifted as naive times: only differences matter here.
const parse = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

let changed = 0;
const out = lines.map((line) => {
  const cells = line.split(",");
  const purchased = parse(cells[PURCHASE]!);
  if (cells[PURCHASE]! < args.from || !cells[CARRIER] || !cells[CUSTOMER]) return line;
  const handedOff = parse(cells[CARRIER]!);
  const delivered = parse(cells[CUSTOMER]!);
  const fasterHandOff = purchased + Math.max(0, handedOff - purchased) * args.factor;
  cells[CARRIER] = format(fasterHandOff);
  cells[CUSTOMER] = format(fasterHandOff + Math.max(0, delivered - handedOff) * args.factor);
  changed++;
  return cells.join(",");
});
writeFileSync(file, [header, ...out].join("\n") + "\n");
console.log(`${changed} test orders made faster by ×${args.factor} from ${args.from}`);
