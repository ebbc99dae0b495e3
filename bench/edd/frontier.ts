/**
 * `tsx bench/edd/frontier.ts --options '<json>' <cut dir>...`: the model's on-time/slack frontier without
 * online calibration. Promises are read at fixed quantiles; the slack at the on-time targets is
 * interpolated. Used to compare model variants independently of the calibration dynamics.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { evaluateOlistDirs } from "../../app/delivery-estimates/evaluation/evaluate-olist.server";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { options: { type: "string" }, levels: { type: "string" }, densities: { type: "string" }, floor: { type: "string" } },
});
const base = values.options ? JSON.parse(values.options) : {};
// With --densities the marginal rule is swept by its density threshold, else the quantile rule by its level.
const sweep = values.densities
  ? values.densities.split(",").map((density) => ({ label: density, options: { rule: { kind: "marginal", baseDensity: Number(density), floorLevel: Number(values.floor ?? 0.8) } } }))
  : (values.levels ?? "0.9,0.93,0.95,0.97").split(",").map((level) => ({ label: level, options: { targetOnTimeRate: Number(level), stageTargets: {} } }));

for (const cut of positionals) {
  const points = sweep.map((point) => {
    const report = evaluateOlistDirs({
      trainDir: join(cut, "train"),
      testDir: join(cut, "test"),
      options: { ...base, ...point.options, calibration: { slowRate: 0, fastRate: 0 } },
    });
    return { level: point.label, purchase: report.purchase, handoff: report.handoff };
  });
  const at = (stage: "purchase" | "handoff", rate: number) => {
    const sorted = points.map((p) => p[stage]).sort((a, b) => a.onTimeRate - b.onTimeRate);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      if (a.onTimeRate <= rate && rate <= b.onTimeRate) return (a.meanSlackDays + ((rate - a.onTimeRate) / (b.onTimeRate - a.onTimeRate || 1)) * (b.meanSlackDays - a.meanSlackDays)).toFixed(2);
    }
    return "n/a";
  };
  console.log(
    `${cut.split("/").pop()} purchase@93.25%: ${at("purchase", 0.9325)}d  handoff@95%: ${at("handoff", 0.95)}d   ` +
      points.map((p) => `[${p.level}: ${(p.purchase.onTimeRate * 100).toFixed(1)}% ${p.purchase.meanSlackDays}d / ${(p.handoff.onTimeRate * 100).toFixed(1)}% ${p.handoff.meanSlackDays}d]`).join(" "),
  );
}
