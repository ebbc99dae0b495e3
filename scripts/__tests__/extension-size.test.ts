import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GZIP_BUDGET_BYTES, measureExtensions, overBudget } from "../extension-size";

const scratch = mkdtempSync(join(tmpdir(), "extension-size-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function extension(name: string, toml: string, files: Record<string, string>): void {
  mkdirSync(join(scratch, name, "src"), { recursive: true });
  writeFileSync(join(scratch, name, "shopify.extension.toml"), toml);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(scratch, name, path), text);
}

describe("npm run check:extensions", () => {
  it("GIVEN the repository's UI extensions WHEN bundled as Shopify builds them THEN every one is measured and fits the 16 KB gzip budget", async () => {
    const sizes = await measureExtensions();

    expect(sizes.map((size) => size.name).sort()).toEqual(expect.arrayContaining(["order-status-block", "order-status-offer", "post-purchase-offer", "return-page", "return-request", "thank-you-offer"]));
    for (const size of sizes) expect(size.bytes, size.name).toBeGreaterThan(1_000);
    expect(overBudget(sizes)).toEqual([]);
  });

  it("GIVEN a UI extension, a post-purchase extension and a theme extension WHEN measured THEN the first two are bundled from their entries and the theme one is left out", async () => {
    extension("block", '[[extensions]]\ntype = "ui_extension"\n[[extensions.targeting]]\nmodule = "./src/index.ts"\ntarget = "purchase.thank-you.block.render"\n', {
      "src/index.ts": 'export default () => console.log("block");',
    });
    extension("upsell", 'name = "Upsell"\ntype = "checkout_post_purchase"\n', { "src/index.ts": 'console.log("upsell");' });
    extension("theme", 'name = "Theme"\ntype = "theme"\n', {});

    const sizes = await measureExtensions(scratch);

    expect(sizes.map((size) => size.name).sort()).toEqual(["block", "upsell"]);
    expect(sizes.every((size) => size.bytes > 0)).toBe(true);
  });

  it("GIVEN an extension whose bundle compresses past 16 KB WHEN checked THEN it is reported over budget", async () => {
    const incompressible = Array.from({ length: 6_000 }, (_, i) => `"${((i * 2654435761) >>> 0).toString(36)}${i}"`).join(",");
    extension("heavy", 'name = "Heavy"\ntype = "checkout_post_purchase"\n', { "src/index.ts": `console.log([${incompressible}]);` });

    const heavy = (await measureExtensions(scratch)).find((size) => size.name === "heavy")!;

    expect(heavy.gzipBytes).toBeGreaterThan(GZIP_BUDGET_BYTES);
    expect(overBudget([heavy])).toEqual([heavy]);
  });
});
