import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type AcceptKey,
  type AcceptLedger,
  type AcceptRecord,
  EMPTY_LEDGER,
  planAccept,
  recordApplyStatus,
  recordShown,
  recordSigned,
} from "../accept-ledger";
import { signChangeset } from "../post-purchase-token.server";

const SHOP = "aftercare-demo.myshopify.com";
const key = (overrides: Partial<AcceptKey> = {}): AcceptKey => ({ shop: SHOP, referenceId: "ref-1", offerId: "socks", ...overrides });
const NOW = new Date("2026-07-15T12:00:00Z");

/** What the accept route will do: plan, sign only when told to, record, and answer with the stored changeset. */
async function accept(ledger: AcceptLedger, acceptKey: AcceptKey): Promise<{ ledger: AcceptLedger; token: string | null; signed: number }> {
  const plan = planAccept(ledger, acceptKey);
  if (plan.action === "reject") return { ledger, token: null, signed: 0 };
  if (plan.action === "replay") return { ledger, token: plan.record.changesetToken, signed: 0 };
  const jti = randomUUID();
  const changesetToken = await signChangeset({
    apiKey: "test-api-key",
    secret: "test-api-secret",
    referenceId: acceptKey.referenceId,
    now: NOW,
    jti,
    changes: [{ type: "add_variant", variantId: "901", quantity: 1 }],
  });
  const stored = recordSigned(ledger, { ...acceptKey, jti, changesetToken, signedAt: NOW, applyStatus: null });
  return { ledger: stored.ledger, token: stored.record.changesetToken, signed: 1 };
}

const record = (overrides: Partial<AcceptRecord> = {}): AcceptRecord => ({
  ...key(),
  jti: "jti-1",
  changesetToken: "token-1",
  signedAt: NOW,
  applyStatus: null,
  ...overrides,
});

describe("accept ledger", () => {
  it("GIVEN a shown offer WHEN the shopper accepts three times THEN one changeset is signed and every answer is that changeset", async () => {
    let ledger = recordShown(EMPTY_LEDGER, key());
    const tokens: string[] = [];
    let signed = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await accept(ledger, key());
      ledger = result.ledger;
      tokens.push(result.token!);
      signed += result.signed;
    }
    expect(signed).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it("GIVEN two concurrent accepts that both signed WHEN both are recorded THEN the first stays and the second gets it back", () => {
    const ledger = recordShown(EMPTY_LEDGER, key());
    expect(planAccept(ledger, key())).toEqual({ action: "sign" });

    const first = recordSigned(ledger, record({ jti: "jti-first", changesetToken: "token-first" }));
    const second = recordSigned(first.ledger, record({ jti: "jti-second", changesetToken: "token-second" }));

    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ledger: first.ledger, record: first.record, replayed: true });
    expect(second.record.changesetToken).toBe("token-first");
  });

  it.each<[string, AcceptKey]>([
    ["an offer id that was never shown", key({ offerId: "expensive-tv" })],
    ["an offer shown for another purchase", key({ referenceId: "ref-2" })],
    ["an offer shown in another shop", key({ shop: "other.myshopify.com" })],
  ])("GIVEN %s WHEN accepted THEN nothing is signed", (_label, tampered) => {
    const ledger = recordShown(EMPTY_LEDGER, key());
    expect(planAccept(ledger, tampered)).toEqual({ action: "reject", reason: "offer_not_shown" });
  });

  it("GIVEN two offers shown for one purchase WHEN each is accepted THEN each gets its own changeset", async () => {
    let ledger = recordShown(recordShown(EMPTY_LEDGER, key()), key({ offerId: "hat" }));
    const socks = await accept(ledger, key());
    ledger = socks.ledger;
    const hat = await accept(ledger, key({ offerId: "hat" }));
    expect([socks.signed, hat.signed]).toEqual([1, 1]);
    expect(socks.token).not.toBe(hat.token);
  });

  it("GIVEN an offer shown twice WHEN recorded THEN the ledger is unchanged the second time", () => {
    const once = recordShown(EMPTY_LEDGER, key());
    expect(recordShown(once, key())).toBe(once);
  });

  it("GIVEN a recorded accept WHEN Shopify's outcome is reported THEN only the stored jti counts and processed is final", () => {
    const ledger = recordSigned(recordShown(EMPTY_LEDGER, key()), record()).ledger;
    const statusOf = (l: AcceptLedger) => (planAccept(l, key()) as { record: AcceptRecord }).record.applyStatus;

    expect(statusOf(recordApplyStatus(ledger, key(), "some-other-jti", "processed"))).toBeNull();
    const failed = recordApplyStatus(ledger, key(), "jti-1", "unprocessed");
    expect(statusOf(failed)).toBe("unprocessed");
    const processed = recordApplyStatus(failed, key(), "jti-1", "processed");
    expect(statusOf(processed)).toBe("processed");
    expect(statusOf(recordApplyStatus(processed, key(), "jti-1", "unprocessed"))).toBe("processed");
  });

  it("GIVEN a replayed accept after the charge went through WHEN planned THEN it replays the applied changeset (Shopify refuses it twice)", () => {
    const ledger = recordApplyStatus(recordSigned(recordShown(EMPTY_LEDGER, key()), record()).ledger, key(), "jti-1", "processed");
    expect(planAccept(ledger, key())).toEqual({ action: "replay", record: { ...record(), applyStatus: "processed" } });
  });

  it("GIVEN ids containing separators WHEN keyed THEN different keys never collide", () => {
    const ledger = recordSigned(recordShown(EMPTY_LEDGER, key({ referenceId: "a", offerId: "b:c" })), record({ referenceId: "a", offerId: "b:c" })).ledger;
    expect(planAccept(ledger, key({ referenceId: "a:b", offerId: "c" })).action).toBe("reject");
  });
});
