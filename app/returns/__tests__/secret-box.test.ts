import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "../labels/secret-box.server";

const SECRET = "app-secret-for-tests";

describe("sealing provider API keys", () => {
  it("GIVEN a key sealed for a shop WHEN opened for that shop THEN it reads back, and sealing twice gives different text", () => {
    const sealed = sealSecret("a.myshopify.com", "EZTK123", SECRET);

    expect(openSecret("a.myshopify.com", sealed, SECRET)).toBe("EZTK123");
    expect(sealSecret("a.myshopify.com", "EZTK123", SECRET)).not.toBe(sealed);
    expect(sealed).not.toContain("EZTK123");
  });

  it.each([
    ["another shop", (sealed: string) => openSecret("b.myshopify.com", sealed, SECRET)],
    ["another app secret", (sealed: string) => openSecret("a.myshopify.com", sealed, "rotated-secret")],
    ["an altered ciphertext", (sealed: string) => openSecret("a.myshopify.com", sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BB" : "AA"), SECRET)],
    ["an unknown format", () => openSecret("a.myshopify.com", "plain-text-key", SECRET)],
  ])("GIVEN %s WHEN opened THEN null, never a wrong key", (_case, open) => {
    expect(open(sealSecret("a.myshopify.com", "EZTK123", SECRET))).toBeNull();
  });
});
