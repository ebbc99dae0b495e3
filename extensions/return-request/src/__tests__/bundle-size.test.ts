import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GZIP_BUDGET_BYTES, measureExtension } from "../../../../scripts/extension-size";

const FOLDER = fileURLToPath(new URL("../..", import.meta.url));

describe("return-request bundle", () => {
  it("GIVEN both order-action targets bundled as Shopify builds them WHEN gzipped together THEN they fit the 16 KB budget", async () => {
    const size = await measureExtension(FOLDER);

    expect(size.name).toBe("return-request");
    expect(size.bytes).toBeGreaterThan(1_000);
    expect(size.gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });
});
