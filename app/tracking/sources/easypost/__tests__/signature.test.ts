import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { easyPostSignature, isValidEasyPostSignature } from "../signature";

const body = new TextEncoder().encode('{"id":"evt_1","object":"Event","description":"tracker.updated"}');
const SECRET = "sécret-with-ünïcode-0123456789";

describe("EasyPost webhook signature", () => {
  it("GIVEN a body and secret WHEN signed THEN it is hmac-sha256-hex= and the hex HMAC of the body under the NFKD secret", () => {
    const expected = createHmac("sha256", Buffer.from(SECRET.normalize("NFKD"), "utf8")).update(body).digest("hex");

    expect(easyPostSignature(body, SECRET)).toBe(`hmac-sha256-hex=${expected}`);
  });

  it("GIVEN the secret typed in composed form (NFC) WHEN EasyPost signed with its NFKD form THEN the signature verifies", () => {
    const signedByEasyPost = easyPostSignature(body, SECRET.normalize("NFKD"));

    expect(isValidEasyPostSignature(body, signedByEasyPost, SECRET.normalize("NFC"))).toBe(true);
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["the hex without its prefix", easyPostSignature(body, SECRET).replace("hmac-sha256-hex=", "")],
    ["another secret's signature", easyPostSignature(body, "another-secret-0123456789")],
    ["a signature of another body", easyPostSignature(new TextEncoder().encode("{}"), SECRET)],
    ["a truncated signature", easyPostSignature(body, SECRET).slice(0, -2)],
    ["Shopify's base64 scheme", createHmac("sha256", SECRET).update(body).digest("base64")],
  ])("GIVEN %s WHEN verified THEN it is refused", (_case, header) => {
    expect(isValidEasyPostSignature(body, header, SECRET)).toBe(false);
  });

  it("GIVEN no secret WHEN verified THEN nothing verifies, not even an HMAC under the empty key", () => {
    expect(isValidEasyPostSignature(body, easyPostSignature(body, ""), "")).toBe(false);
  });
});
