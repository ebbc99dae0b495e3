/**
 * `npm run bench`: every bench in its quick form, one after another (they would skew each other in
 * parallel), then one table of each figure beside its target. `-- --only ingest,crash` runs a subset.
 * Benches whose npm script does not exist yet are listed as skipped. Last line: one JSON object.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../scripts/lib/repo-root";
import { formatTable, targetRows, type TargetRow } from "./lib/targets";

const BENCHES: readonly { name: string; script: string }[] = [
  { name: "ingest", script: "bench:ingest" },
  { name: "tracking-page", script: "bench:tracking-page" },
  { name: "crash", script: "bench:crash" },
  { name: "scale-out", script: "bench:scale-out" },
  { name: "notify", script: "bench:notify" },
  { name: "edd-endpoint", script: "bench:edd-endpoint" },
  { name: "extension-size", script: "check:extensions" },
];

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? "").split(",")) : null;
const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

const rows: TargetRow[] = [];
for (const bench of BENCHES.filter((candidate) => !only || only.has(candidate.name))) {
  if (!scripts[bench.script]) {
    rows.push({ bench: bench.name, figure: "run", measured: "skipped", target: `npm run ${bench.script} missing`, met: null });
    continue;
  }
  console.log(`\n▶ npm run ${bench.script}`);
  const started = Date.now();
  const run = spawnSync("npm", ["run", "--silent", bench.script], { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(run.stdout);
  console.log(`  (${Math.round((Date.now() - started) / 1000)} s, exit ${run.status})`);
  rows.push(...targetRows(bench.name, run.stdout ?? ""));
}

console.log(`\n${formatTable(rows)}\n`);
console.log(JSON.stringify({ bench: "all", met: rows.filter((row) => row.met === true).length, missed: rows.filter((row) => row.met === false).length, rows }));
