/**
 * `tsx bench/edd/dev-cuts.ts [--options '<json>'] [--monthly] <cut dir>...`: runs the causal evaluation on
 * development cuts made by split.ts (each <cut dir> holds train/ and test/), with estimator options to compare,
 * and prints the figures per cut (and per test month with --monthly).
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { WalkPromise } from "../../app/delivery-estimates/evaluation/causal-walk";
import { evaluateOlistDirs } from "../../app/delivery-estimates/evaluation/evaluate-olist.server";
import { epochDayOf, localEpochDay } from "../../app/delivery-estimates/local-date";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { options: { type: "string" }, monthly: { type: "boolean" } } });
const options = values.options ? JSON.parse(values.options) : {};

for (const cut of positionals) {
  const months = new Map<string, { purchase: number[]; handoff: number[]; olist: number[]; stringency: number[]; quantile: number[] }>();
  const record = (promise: WalkPromise) => {
    if (!promise.evaluated || !promise.order.deliveredAt) return;
    const month = promise.order.purchasedAt.toISOString().slice(0, 7);
    const slot = months.get(month) ?? { purchase: [], handoff: [], olist: [], stringency: [], quantile: [] };
    if (promise.stage === "purchase") {
      if (promise.order.olistEstimatedDate) slot.olist.push(epochDayOf(promise.order.olistEstimatedDate) - localEpochDay(promise.order.deliveredAt, "America/Sao_Paulo"));
      slot.stringency.push(promise.estimate.explanation.calibration.stringency);
      slot.quantile.push(promise.estimate.explanation.quantileUsed);
    }
    months.set(month, slot);
    slot[promise.stage].push(epochDayOf(promise.estimate.promisedDate) - localEpochDay(promise.order.deliveredAt, "America/Sao_Paulo"));
  };
  const started = performance.now();
  const report = evaluateOlistDirs({ trainDir: join(cut, "train"), testDir: join(cut, "test"), options, onPromise: record });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const p = report.purchase;
  const h = report.handoff;
  console.log(
    `${cut.split("/").pop()} n=${report.orders} purchase ${pct(p.onTimeRate)} ${p.meanSlackDays}d (olist ${pct(p.olist.onTimeRate)} ${p.olist.meanSlackDays}d) | handoff ${pct(h.onTimeRate)} ${h.meanSlackDays}d | ${seconds}s`,
  );
  if (values.monthly) {
    for (const [month, slot] of [...months].sort()) {
      const fig = (slacks: number[]) => `${pct(slacks.filter((s) => s >= 0).length / slacks.length)} ${(slacks.reduce((a, b) => a + b, 0) / slacks.length).toFixed(1)}d`;
      const average = (values: number[]) => (values.reduce((a, b) => a + b, 0) / values.length).toFixed(3);
      console.log(`   ${month} n=${slot.purchase.length} purchase ${fig(slot.purchase)} handoff ${fig(slot.handoff)} olist ${fig(slot.olist)} stringency ${average(slot.stringency)} quantile ${average(slot.quantile)}`);
    }
  }
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
