import { describe, expect, it, vi } from "vitest";

// The theme extension's asset is plain JavaScript served to storefronts as is (no build step, no type file beside
// it, since a theme extension's assets folder takes only what storefronts load); its pure parts are tested here.
type Estimate = { earliestDate: string; promisedDate: string };
interface GetItByAsset {
  promiseLine(label: string, estimate: Estimate, locale: string): { line: string; title: string };
  promiseUrl(endpoint: string, destination: { country: string; region?: string; variant?: string }): string;
  loadPromise(fetchImpl: (url: string) => Promise<Response>, url: string): Promise<Estimate | null>;
}
const ASSET = "../../../../extensions/delivery-promise/assets/get-it-by.js";
const { loadPromise, promiseLine, promiseUrl } = (await import(/* @vite-ignore */ ASSET)) as GetItByAsset;

describe("the 'Get it by' theme asset", () => {
  it("GIVEN a promise WHEN worded THEN the line names the promised day and the title the range", () => {
    expect(promiseLine("Get it by", { earliestDate: "2026-12-01", promisedDate: "2026-12-03" }, "en")).toEqual({
      line: "Get it by Thursday, December 3",
      title: "Tuesday, December 1 – Thursday, December 3",
    });
    expect(promiseLine("Livré le", { earliestDate: "2026-12-03", promisedDate: "2026-12-03" }, "fr").line).toBe("Livré le jeudi 3 décembre");
  });

  it("GIVEN a destination WHEN the URL is built THEN only given fields are sent, encoded", () => {
    expect(promiseUrl("/apps/track/edd", { country: "DE", region: "", variant: "42" })).toBe("/apps/track/edd?country=DE&variant=42");
    expect(promiseUrl("/apps/track/edd", { country: "US", region: "N&Y" })).toBe("/apps/track/edd?country=US&region=N%26Y");
  });

  it.each([
    ["a promise", () => Response.json({ estimate: { earliestDate: "2026-12-01", promisedDate: "2026-12-03" } }), { earliestDate: "2026-12-01", promisedDate: "2026-12-03" }],
    ["no promise", () => Response.json({ estimate: null }), null],
    ["an error status", () => new Response("nope", { status: 500 }), null],
    ["a malformed date", () => Response.json({ estimate: { earliestDate: "<b>", promisedDate: "2026-12-03" } }), null],
    ["a network failure", () => Promise.reject(new TypeError("offline")), null],
  ])("GIVEN the app answers %s WHEN loading THEN the asset gets %j", async (_, answer, expected) => {
    const fetchImpl = vi.fn(async () => answer());
    expect(await loadPromise(fetchImpl, "/apps/track/edd?country=DE")).toEqual(expected);
  });
});
