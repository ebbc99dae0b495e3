/**
 * What each bench's closing JSON line means against the targets the issues set. One row per figure, so
 * `npm run bench` can print a single table and say plainly which targets are met.
 */

export interface TargetRow {
  bench: string;
  figure: string;
  measured: string;
  target: string;
  met: boolean | null;
}

type Json = Record<string, unknown>;
type Reader = (line: Json) => TargetRow[];

const num = (value: unknown): number => (typeof value === "number" ? value : Number.NaN);
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const fmt = (value: number, unit = ""): string => (Number.isFinite(value) ? `${Math.round(value * 100) / 100}${unit}` : "—");

function atLeast(bench: string, figure: string, value: number, target: number, unit: string): TargetRow {
  return { bench, figure, measured: fmt(value, unit), target: `≥ ${target}${unit}`, met: Number.isFinite(value) ? value >= target : false };
}

function atMost(bench: string, figure: string, value: number, target: number, unit: string): TargetRow {
  return { bench, figure, measured: fmt(value, unit), target: `≤ ${target}${unit}`, met: Number.isFinite(value) ? value <= target : false };
}

const INGEST_RATE: Readonly<Record<string, number>> = { sqlite: 3_000, postgres: 2_000 };

/**
 * The lag target holds at the offered rate only if the server took that rate: when it acknowledged far fewer
 * (back-pressure), a low lag of the few it took says nothing, so the row fails and shows both rates.
 */
function eventToState(result: Json): TargetRow {
  const rate = num(result.lagRate);
  const acked = num(result.lagAckedPerSecond);
  const row = atMost("ingest", `${String(result.db)} p99 event→state at ${rate}/s offered (${fmt(acked)}/s acknowledged)`, num(result.lagP99Ms), 2_000, " ms");
  return { ...row, met: row.met === true && acked >= 0.95 * rate };
}

const READERS: Readonly<Record<string, Reader>> = {
  ingest: (line) =>
    list(line.results).flatMap((result) => [
      atLeast("ingest", `${String(result.db)} webhooks acknowledged`, num(result.perSecond), INGEST_RATE[String(result.db)] ?? 0, "/s"),
      atMost("ingest", `${String(result.db)} p99 ack`, num(result.p99Ms), 50, " ms"),
      ...(result.lagRate === undefined
        ? []
        : [
            eventToState(result),
            atMost("ingest", `${String(result.db)} unprocessed after the fixed-rate run`, num(result.lagUnprocessed), 0, ""),
          ]),
    ]),
  "tracking-page": (line) =>
    list(line.results).flatMap((result) => [
      atMost("tracking-page", `${String(result.db)} p95 at ${String(result.shipments)} shipments`, num(result.p95Ms), 50, " ms"),
      ...(result.api
        ? [atMost("tracking-page", `${String(result.db)} order-status API p95 at ${String(result.shipments)} shipments`, num((result.api as Json).p95Ms), 50, " ms")]
        : []),
    ]),
  crash: (line) => [
    atMost("crash", `lost of ${String(line.acknowledged)} acknowledged (${String(line.kills)} kills)`, num(line.lost), 0, ""),
    atMost("crash", "processed twice", num(line.duplicates), 0, ""),
  ],
  "scale-out": (line) => {
    const results = list(line.results);
    const base = num(results[0]?.perSecond);
    return results.flatMap((result) => {
      const workers = num(result.workers);
      const rows = [atMost("scale-out", `${workers} worker(s) double claims`, num(result.doubleClaims) + num(result.duplicateOrders), 0, "")];
      const speedUp = num(result.perSecond) / base;
      // How busy the machine was says whether more workers could have gone faster at all.
      const cpu = result.cpuBusy === undefined ? "" : `, CPU ${fmt(num(result.cpuBusy) * 100)}% busy`;
      if (workers > 1) rows.push({ bench: "scale-out", figure: `${workers} workers jobs/s (×${fmt(speedUp)} of one${cpu})`, measured: `${fmt(num(result.perSecond))}/s`, target: "grows with workers", met: speedUp > 1 });
      else rows.push({ bench: "scale-out", figure: `1 worker jobs/s (baseline${cpu})`, measured: `${fmt(num(result.perSecond))}/s`, target: "baseline", met: null });
      return rows;
    });
  },
  notify: (line) => [atMost("notify", `${String(line.db)} event→SMTP p99 at ${String(line.rate)}/s`, num(line.p99Ms), 2_000, " ms")],
  "edd-endpoint": (line) => list(line.results).map((result) => atMost("edd-endpoint", `${String(result.db)} "Get it by" server time p99`, num(result.p99Ms), 10, " ms")),
  "extension-size": (line) =>
    list(line.extensions).map((extension) => atMost("extension-size", `${String(extension.name)} gzip`, num(extension.gzipBytes) / 1024, 16, " KB")),
};

/** Reads the last JSON line of a bench's output; a bench without one (it crashed) gives a failing row. */
export function targetRows(bench: string, output: string): TargetRow[] {
  const lastJson = output
    .trim()
    .split("\n")
    .reverse()
    .find((text) => text.trimStart().startsWith("{"));
  if (!lastJson) return [{ bench, figure: "run", measured: "no JSON line (failed)", target: "completes", met: false }];
  const line = JSON.parse(lastJson) as Json;
  const reader = READERS[String(line.bench ?? bench)];
  return reader ? reader(line) : [{ bench, figure: "figures", measured: lastJson.slice(0, 60), target: "—", met: null }];
}

export function formatTable(rows: readonly TargetRow[]): string {
  const header = ["bench", "figure", "measured", "target", "met"];
  const cells = rows.map((row) => [row.bench, row.figure, row.measured, row.target, row.met === null ? "—" : row.met ? "yes" : "NO"]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => cell.map((text, column) => text.padEnd(widths[column]!)).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}
