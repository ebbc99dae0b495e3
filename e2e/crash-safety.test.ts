import { beforeAll, describe, expect, it } from "vitest";
import { runCrashScenario, type CrashRunResult } from "../bench/crash";

// Small scale for CI; `npm run bench:crash -- --full` runs the same scenario larger.
const ORDERS = 25;
const SEED = 11;
const shopifyNow = new Date();

let undisturbed: CrashRunResult;
let crashed: CrashRunResult;

beforeAll(async () => {
  undisturbed = await runCrashScenario({ orders: ORDERS, kills: 0, seed: SEED, shopifyNow });
  crashed = await runCrashScenario({ orders: ORDERS, kills: 3, seed: SEED, shopifyNow });
}, 420_000);

describe("crash safety: SIGKILL of the app and the worker while the stand-in sends webhooks", () => {
  it("GIVEN a few hundred webhooks WHEN the app and the worker are killed and restarted THEN the kills happened while webhooks were in flight", () => {
    expect(crashed.kills).toBeGreaterThanOrEqual(2);
    expect(crashed.acknowledged).toBeGreaterThan(200);
  });

  it("GIVEN the stand-in's log WHEN compared with the inbox THEN every webhook answered 200 is stored once and processed once", () => {
    expect(crashed).toMatchObject({ lost: 0, duplicates: 0, undelivered: 0, processedOnce: crashed.acknowledged });
    expect(undisturbed).toMatchObject({ lost: 0, duplicates: 0, undelivered: 0, processedOnce: undisturbed.acknowledged });
  });

  it("GIVEN the same seed WHEN the crashed run settles THEN its orders, shipments and scans equal the undisturbed run's", () => {
    expect(JSON.parse(undisturbed.dump).orders).toHaveLength(ORDERS);
    expect(crashed.acknowledged).toBe(undisturbed.acknowledged);
    expect(JSON.parse(crashed.dump)).toEqual(JSON.parse(undisturbed.dump));
  });
});
