import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { evaluateOlistDirs } from "../evaluation/evaluate-olist.server";
import { olistInstant, readOlistOrders, readOlistSellers } from "../evaluation/read-olist.server";
import { localEpochDay, isoDateOf } from "../local-date";

const fixtures = join(import.meta.dirname, "fixtures", "olist-mini");
const trainDir = join(fixtures, "train");
const testDir = join(fixtures, "test");

describe("reading the Olist layout", () => {
  it.each([
    { case: "an ordinary afternoon", local: "2018-03-01 14:05:00", iso: "2018-03-01T17:05:00.000Z" },
    { case: "summer time (UTC−2)", local: "2018-01-10 10:00:00", iso: "2018-01-10T12:00:00.000Z" },
    { case: "the hour skipped when summer time began", local: "2017-10-15 00:30:00", date: "2017-10-15" },
    { case: "the hour repeated when summer time ended", local: "2018-02-17 23:30:00", date: "2018-02-17" },
  ])("GIVEN $case WHEN read as São Paulo local time THEN it keeps its instant and its date", ({ local, iso, date }) => {
    const instant = olistInstant(local);
    if (iso) expect(instant.toISOString()).toBe(iso);
    expect(isoDateOf(localEpochDay(instant, "America/Sao_Paulo"))).toBe(date ?? local.slice(0, 10));
  });

  it("GIVEN a test directory without the sellers table WHEN read THEN sellers come from the training directory and zips are padded", () => {
    const orders = readOlistOrders(testDir, readOlistSellers([trainDir, testDir]));
    const fromFirstSeller = orders.find((order) => order.facts.originId === "s1");

    expect(orders).toHaveLength(11);
    expect(fromFirstSeller?.facts.origin).toEqual({ country: "BR", region: "SP", postalCode: "01023" });
    expect(orders.some((order) => order.facts.destination.postalCode === "01310")).toBe(true);
  });
});

describe("evaluating on a directory pair", () => {
  it("GIVEN the mini fixture WHEN evaluated THEN every delivered test order is scored and Olist's own figures are exact", () => {
    const report = evaluateOlistDirs({ trainDir, testDir });

    expect(report.orders).toBe(11);
    expect(report.purchase.olist).toEqual({ onTimeRate: 1, meanSlackDays: 8.36 });
    expect(report.handoff.olist).toEqual({ onTimeRate: 1, meanSlackDays: 8.36 });
    for (const stage of [report.purchase, report.handoff]) {
      expect(stage.onTimeRate).toBeGreaterThanOrEqual(0);
      expect(stage.onTimeRate).toBeLessThanOrEqual(1);
      expect(Number.isFinite(stage.meanSlackDays)).toBe(true);
    }
  });

  it("GIVEN the command line WHEN run on the fixture THEN its last line is exactly the report object", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/edd-evaluate.ts", "--train", trainDir, "--test", testDir], {
      cwd: join(import.meta.dirname, "..", "..", ".."),
    });
    const report = JSON.parse(stdout.trim().split("\n").at(-1)!);

    expect(Object.keys(report)).toEqual(["purchase", "handoff", "orders"]);
    expect(Object.keys(report.purchase)).toEqual(["onTimeRate", "meanSlackDays", "medianSlackDays", "olist"]);
    expect(report.orders).toBe(11);
  });

  it("GIVEN a missing directory WHEN the command runs THEN it exits with usage and no report", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/edd-evaluate.ts", "--train", trainDir, "--test", "/nonexistent"], {
      cwd: join(import.meta.dirname, "..", "..", ".."),
    });
    await expect(run).rejects.toMatchObject({ code: 2, stdout: "" });
  });
});
