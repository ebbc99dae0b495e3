/**
 * `tsx bench/edd/speed-up.ts --cut <dir> --from 2017-12-15 --factor 0.6 [--ramp-days 56] --out <dir>`: copies a
 * development cut made by split.ts and makes its test orders purchased from --from faster: time to hand-off and
 * time in transit are both scaled by --factor, or with --ramp-days by a factor moving linearly from 1 on --from to
 * --factor that many days later (see speed-up-orders.ts). The withheld period (Mar–Aug 2018) is such a speed-up;
 * this shows how fast the promises follow one (run dev-cuts.ts --monthly on the result). The orders file has no
 * quoted fields, so lines are split on commas.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { spedUp } from "./speed-up-orders";

const { values } = parseArgs({
  options: { cut: { type: "string" }, out: { type: "string" }, from: { type: "string" }, factor: { type: "string" }, "ramp-days": { type: "string" } },
});
const args = z
  .object({
    cut: z.string().min(1),
    out: z.string().min(1),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    factor: z.coerce.number().gt(0).lte(1),
    rampDays: z.coerce.number().min(0).default(0),
  })
  .parse({ ...values, rampDays: values["ramp-days"] });

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
  if (cells[PURCHASE]! < args.from || !cells[CARRIER] || !cells[CUSTOMER]) return line;
  const faster = spedUp(args, { purchased: parse(cells[PURCHASE]!), handedOff: parse(cells[CARRIER]!), delivered: parse(cells[CUSTOMER]!) });
  cells[CARRIER] = format(faster.handedOff);
  cells[CUSTOMER] = format(faster.delivered);
  changed++;
  return cells.join(",");
});
writeFileSync(file, [header, ...out].join("\n") + "\n");
console.log(`${changed} test orders made faster by ×${args.factor} from ${args.from}${args.rampDays ? ` (ramped over ${args.rampDays} days)` : ""}`);
