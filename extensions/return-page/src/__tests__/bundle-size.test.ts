import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GZIP_BUDGET_BYTES, measureExtension } from "../../../../scripts/extension-size";

const FOLDER = fileURLToPath(new URL("../..", import.meta.url));

describe("return-page bundle", () => {
  it("GIVEN the order page target bundled as Shopify builds it WHEN gzipped THEN it fits the 16 KB budget", async () => {
    const size = await measureExtension(FOLDER);

    expect(size.name).toBe("return-page");
    expect(size.bytes).toBeGreaterThan(1_000);
    expect(size.gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });
});
