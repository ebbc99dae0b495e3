import { describe, expect, it } from "vitest";
import { formatTable, targetRows } from "../lib/targets";

describe("bench targets table", () => {
  it("GIVEN the ingest line WHEN read THEN each database's rate and p99 are compared with their own targets", () => {
    const output = `sqlite 962/s\n${JSON.stringify({ bench: "ingest", results: [{ db: "sqlite", perSecond: 962, p99Ms: 64 }, { db: "postgres", perSecond: 2100, p99Ms: 42 }] })}\n`;
    expect(targetRows("ingest", output)).toEqual([
      { bench: "ingest", figure: "sqlite webhooks acknowledged", measured: "962/s", target: "≥ 3000/s", met: false },
      { bench: "ingest", figure: "sqlite p99 ack", measured: "64 ms", target: "≤ 50 ms", met: false },
      { bench: "ingest", figure: "postgres webhooks acknowledged", measured: "2100/s", target: "≥ 2000/s", met: true },
      { bench: "ingest", figure: "postgres p99 ack", measured: "42 ms", target: "≤ 50 ms", met: true },
    ]);
  });

  it("GIVEN an ingest line with a fixed-rate run WHEN read THEN the event→state p99 and anything left unprocessed are judged too", () => {
    const line = { bench: "ingest", results: [{ db: "postgres", perSecond: 2100, p99Ms: 42, lagRate: 1000, lagAckedPerSecond: 990, lagP99Ms: 2400, lagUnprocessed: 0 }] };
    expect(targetRows("ingest", JSON.stringify(line)).slice(2)).toEqual([
      { bench: "ingest", figure: "postgres p99 event→state at 1000/s offered (990/s acknowledged)", measured: "2400 ms", target: "≤ 2000 ms", met: false },
      { bench: "ingest", figure: "postgres unprocessed after the fixed-rate run", measured: "0", target: "≤ 0", met: true },
    ]);
  });

  it("GIVEN a low lag of a run where the server took far fewer webhooks than offered WHEN read THEN the target is not met", () => {
    const line = { bench: "ingest", results: [{ db: "sqlite", perSecond: 1300, p99Ms: 47, lagRate: 1000, lagAckedPerSecond: 169, lagP99Ms: 448, lagUnprocessed: 0 }] };
    expect(targetRows("ingest", JSON.stringify(line))[2]).toMatchObject({ figure: "sqlite p99 event→state at 1000/s offered (169/s acknowledged)", met: false });
  });

  it("GIVEN the 'Get it by' line WHEN read THEN each database's p99 is held to 10 ms", () => {
    const line = { bench: "edd-endpoint", results: [{ db: "sqlite", p99Ms: 3.9 }, { db: "postgres", p99Ms: 12 }] };
    expect(targetRows("edd-endpoint", JSON.stringify(line)).map((row) => [row.figure, row.met])).toEqual([
      ['sqlite "Get it by" server time p99', true],
      ['postgres "Get it by" server time p99', false],
    ]);
  });

  it("GIVEN a tracking-page line WHEN read THEN the page and the order-status API are each held to p95 <= 50 ms", () => {
    const line = { bench: "tracking-page", results: [{ db: "sqlite", shipments: 1000000, p95Ms: 14.5, api: { p95Ms: 61 } }] };
    expect(targetRows("tracking-page", JSON.stringify(line)).map((row) => [row.figure, row.met])).toEqual([
      ["sqlite p95 at 1000000 shipments", true],
      ["sqlite order-status API p95 at 1000000 shipments", false],
    ]);
  });

  it("GIVEN a scale-out line WHEN read THEN growth is judged against one worker and any double claim fails", () => {
    const line = { bench: "scale-out", results: [{ workers: 1, perSecond: 100, doubleClaims: 0, duplicateOrders: 0 }, { workers: 2, perSecond: 180, doubleClaims: 1, duplicateOrders: 0 }] };
    const rows = targetRows("scale-out", JSON.stringify(line));
    expect(rows.map((row) => [row.figure, row.met])).toEqual([
      ["1 worker(s) double claims", true],
      ["1 worker jobs/s (baseline)", null],
      ["2 worker(s) double claims", false],
      ["2 workers jobs/s (×1.8 of one)", true],
    ]);
  });

  it("GIVEN a bench that printed no JSON WHEN read THEN its row fails instead of vanishing", () => {
    expect(targetRows("crash", "Error: boom\n")).toEqual([{ bench: "crash", figure: "run", measured: "no JSON line (failed)", target: "completes", met: false }]);
  });

  it("GIVEN rows WHEN formatted THEN columns align and misses read NO", () => {
    const table = formatTable(targetRows("crash", JSON.stringify({ bench: "crash", kills: 3, acknowledged: 10, lost: 1, duplicates: 0 })));
    expect(table.split("\n")).toHaveLength(4);
    expect(table).toMatch(/lost of 10 acknowledged \(3 kills\)\s+1\s+≤ 0\s+NO/);
  });
});
