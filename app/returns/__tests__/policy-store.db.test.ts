import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { DEFAULT_RETURN_POLICY } from "../policy-schema";
import { currentReturnPolicyVersion, listReturnPolicyVersions, loadReturnPolicy, saveReturnPolicy } from "../policy-store.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
let counter = 0;
const freshShop = () => `policy-${++counter}-${Date.now()}.myshopify.com`;

describe("return policy store", () => {
  it("GIVEN a shop that never saved a policy WHEN it is loaded THEN it is the default policy", async () => {
    expect(await loadReturnPolicy(prisma(), freshShop())).toEqual(DEFAULT_RETURN_POLICY);
  });

  it("GIVEN a saved policy WHEN it is loaded THEN every default is filled in and its own values are kept", async () => {
    const shop = freshShop();
    const saved = await saveReturnPolicy(prisma(), shop, { window: { days: 45, basis: "fulfilled" }, outcomes: { storeCreditBonusPercent: 10 } });

    const loaded = await loadReturnPolicy(prisma(), shop);

    expect(loaded).toEqual(saved);
    expect(loaded.window).toMatchObject({ days: 45, basis: "fulfilled" });
    expect(loaded.outcomes.storeCreditBonusPercent).toBe(10);
    expect(loaded.methods.mail_label.offered).toBe(true);
  });

  it("GIVEN three saves WHEN versions are listed THEN all are kept, newest first, and only the last is current", async () => {
    const shop = freshShop();
    for (const days of [10, 20, 30]) await saveReturnPolicy(prisma(), shop, { window: { days } });

    const versions = await listReturnPolicyVersions(prisma(), shop);

    expect(versions.map(({ version, current }) => ({ version, current }))).toEqual([
      { version: 3, current: true },
      { version: 2, current: false },
      { version: 1, current: false },
    ]);
    expect(await currentReturnPolicyVersion(prisma(), shop)).toBe(3);
    expect((await loadReturnPolicy(prisma(), shop)).window.days).toBe(30);
  });

  it.each([
    ["a negative window", { window: { days: -1 } }, "window.days"],
    ["an unknown basis", { window: { basis: "paid" } }, "window.basis"],
    ["a bonus over 100%", { outcomes: { storeCreditBonusPercent: 150 } }, "outcomes.storeCreditBonusPercent"],
    ["no outcome", { outcomes: { offered: [] } }, "outcomes.offered"],
    ["a fee that is no amount", { fees: { returnShipping: "five" } }, "fees.returnShipping"],
    ["a rule matching nothing", { rules: [{ id: "r1", label: "Nothing", match: {}, effects: [{ type: "final_sale" }] }] }, "rules.0.match"],
  ])("GIVEN %s WHEN it is saved THEN InvalidInputError names the field and nothing is stored", async (_name, input, field) => {
    const shop = freshShop();
    await saveReturnPolicy(prisma(), shop, { window: { days: 14 } });

    const error = await saveReturnPolicy(prisma(), shop, input).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(Object.keys((error as InvalidInputError).fieldErrors)).toContain(field);
    expect(await listReturnPolicyVersions(prisma(), shop)).toHaveLength(1);
    expect((await loadReturnPolicy(prisma(), shop)).window.days).toBe(14);
  });

  it("GIVEN two shops WHEN one saves THEN the other's policy and history are unchanged", async () => {
    const [alpha, bravo] = [freshShop(), freshShop()];
    await saveReturnPolicy(prisma(), bravo, { window: { days: 60 } });

    await saveReturnPolicy(prisma(), alpha, { window: { days: 7 } });

    expect((await loadReturnPolicy(prisma(), bravo)).window.days).toBe(60);
    expect(await listReturnPolicyVersions(prisma(), bravo)).toHaveLength(1);
    expect(await currentReturnPolicyVersion(prisma(), alpha)).toBe(1);
  });

  it("GIVEN concurrent saves WHEN they finish THEN versions are consecutive and exactly one is current", async () => {
    const shop = freshShop();

    await Promise.all([1, 2, 3, 4].map((days) => saveReturnPolicy(prisma(), shop, { window: { days } })));

    const versions = await listReturnPolicyVersions(prisma(), shop);
    expect(versions.map((version) => version.version)).toEqual([4, 3, 2, 1]);
    expect(versions.filter((version) => version.current)).toHaveLength(1);
  });
});
