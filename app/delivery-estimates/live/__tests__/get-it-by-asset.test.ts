import { describe, expect, it, vi } from "vitest";

// The theme extension's asset is plain JavaScript served to storefronts as is (no build step, no type file beside
// it, since a theme extension's assets folder takes only what storefronts load); its pure parts are tested here.
type Estimate = { earliestDate: string; promisedDate: string };
interface GetItByAsset {
  promiseLine(label: string, estimate: Estimate, locale: string): { line: string; title: string };
  promiseUrl(endpoint: string, destination: { country: string; region?: string; variant?: string }): string;
  loadPromise(fetchImpl: (url: string) => Promise<Response>, url: string): Promise<Estimate | null>;
  currentVariant(form: FakeForm | null, location: { search: string } | null): string | null;
  promisable(variant: string | null | undefined, soldOut: string[]): boolean;
  mount(element: FakeElement, fetchImpl: (url: string) => Promise<Response>, doc: EventTarget & { querySelector(): null }, win: FakeWindow): Promise<void>;
}
const ASSET = "../../../../extensions/delivery-promise/assets/get-it-by.js";
const { currentVariant, loadPromise, mount, promisable, promiseLine, promiseUrl } = (await import(/* @vite-ignore */ ASSET)) as GetItByAsset;

/** Just enough of a product form, a page and the block's element for the asset to run outside a browser. */
type FakeForm = EventTarget & { picker: { value: string } | null; querySelector(selector: string): { value: string } | null };
type FakeWindow = EventTarget & { location: { search: string } };
type FakeElement = { dataset: Record<string, string>; hidden: boolean; textContent: string; title: string; closest(selector: string): FakeForm | null };

function productPage(options: { picker?: string | null; search?: string; soldOut?: string } = {}) {
  const form = Object.assign(new EventTarget(), {
    picker: options.picker === null ? null : { value: options.picker ?? "111" },
    querySelector(this: FakeForm) {
      return this.picker;
    },
  }) as FakeForm;
  const doc = Object.assign(new EventTarget(), { querySelector: () => null });
  const win = Object.assign(new EventTarget(), { location: { search: options.search ?? "" } });
  const element: FakeElement = {
    dataset: { endpoint: "/apps/track/edd", country: "DE", variant: "111", label: "Get it by", locale: "en", soldOut: options.soldOut ?? "" },
    hidden: true,
    textContent: "",
    title: "",
    closest: () => form,
  };
  const asked: string[] = [];
  const fetchImpl = vi.fn(async (url: string) => {
    asked.push(url);
    const variant = new URL(url, "https://shop.test").searchParams.get("variant");
    return Response.json({ estimate: { earliestDate: "2026-12-01", promisedDate: variant === "222" ? "2026-12-08" : "2026-12-03" } });
  });
  return { form, doc, win, element, asked, fetchImpl };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

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

  it.each([
    ["the form's selected id", { picker: "222", search: "?variant=333" }, "222"],
    ["only the URL's variant", { picker: null, search: "?variant=333" }, "333"],
    ["neither", { picker: null, search: "" }, null],
  ])("GIVEN %s WHEN the current variant is read THEN it is %s", (_, options, expected) => {
    const { form, win } = productPage(options);
    expect(currentVariant(form, win.location)).toBe(expected);
  });

  it.each([
    ["an available variant", "111", true],
    ["a sold-out variant", "222", false],
    ["no variant (a page without one)", null, true],
  ])("GIVEN %s WHEN deciding THEN a promise is shown: %s", (_, variant, expected) => {
    expect(promisable(variant, ["222", "333"])).toBe(expected);
  });

  it("GIVEN the block on a product page WHEN the shopper picks another variant THEN the promise is asked again for it and the line follows", async () => {
    const page = productPage();
    await mount(page.element, page.fetchImpl, page.doc, page.win);
    expect(page.element.textContent).toBe("Get it by Thursday, December 3");

    page.form.picker!.value = "222";
    page.form.dispatchEvent(new Event("change"));
    await tick();

    expect(page.asked).toEqual(["/apps/track/edd?country=DE&variant=111", "/apps/track/edd?country=DE&variant=222"]);
    expect(page.element.textContent).toBe("Get it by Tuesday, December 8");
  });

  it("GIVEN a theme that only changes the URL WHEN it announces the change (or the shopper goes back) THEN the block follows; the same variant is not asked twice", async () => {
    const page = productPage({ picker: null, search: "?variant=111" });
    await mount(page.element, page.fetchImpl, page.doc, page.win);

    page.win.location.search = "?variant=222";
    page.doc.dispatchEvent(new Event("variant:change"));
    page.win.dispatchEvent(new Event("popstate"));
    await tick();

    expect(page.asked).toEqual(["/apps/track/edd?country=DE&variant=111", "/apps/track/edd?country=DE&variant=222"]);
  });

  it("GIVEN the shopper picks a sold-out variant WHEN the block follows THEN no date is promised and the app is not asked", async () => {
    const page = productPage({ soldOut: "222," });
    await mount(page.element, page.fetchImpl, page.doc, page.win);
    expect(page.element.hidden).toBe(false);

    page.form.picker!.value = "222";
    page.form.dispatchEvent(new Event("change"));
    await tick();

    expect(page.element.hidden).toBe(true);
    expect(page.asked).toHaveLength(1);
  });
});
