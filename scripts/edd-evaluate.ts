/**
 * `npm run edd:evaluate -- --train <dir> --test <dir>`: trains the delivery-date estimator on one directory in
 * the Olist CSV layout, walks the other in time order promising dates causally, and prints the figures
 * (ours and Olist's own estimate, at purchase and at carrier hand-off) as one JSON object on the last line.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { evaluateOlistDirs } from "../app/delivery-estimates/evaluation/evaluate-olist.server";

const directory = z.string().min(1).refine((dir) => existsSync(dir), "does not exist");
const argsSchema = z.object({ train: directory, test: directory });

const { values } = parseArgs({ options: { train: { type: "string" }, test: { type: "string" } } });
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(`Usage: npm run edd:evaluate -- --train <dir> --test <dir>\n${z.prettifyError(parsed.error)}`);
  process.exit(2);
}

const started = performance.now();
const report = evaluateOlistDirs({ trainDir: parsed.data.train, testDir: parsed.data.test });
console.error(`Evaluated ${report.orders} delivered test orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify(report));
