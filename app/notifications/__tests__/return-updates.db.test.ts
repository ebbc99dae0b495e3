import { beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import { useTestDatabase } from "~/test/database";
import { returnMilestoneOfKey, returnUpdateKey } from "../dedupe-key";
import { saveNotificationPreferences } from "../preferences.server";
import { RETURN_MILESTONES } from "../return-milestones";
import { notifyReturnUpdate } from "../return-updates.server";
import { createSendJob } from "../send-job.server";
import { recordingChannels } from "./fake-channels";
import { freshShop, outbox, seedOrder, sendJobs } from "./fixtures";

const db = useTestDatabase();
let sent = recordingChannels();
const sendJob = createSendJob(() => sent.channels);
const RETURN_ID = "gid://shopify/Return/9001";

beforeEach(async () => {
  sent = recordingChannels();
  await db.get().prisma.job.deleteMany({});
});

const drain = () => drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + 24 * 3600_000) });

/** What the returns module does: change its return and call the hook in the same transaction. */
function fakeReturnStep(fixture: { shop: string; orderId: string }, milestone: (typeof RETURN_MILESTONES)[number], options: { fail?: boolean } = {}) {
  return db.get().prisma.$transaction(async (tx) => {
    const outcome = await notifyReturnUpdate(tx, { shop: fixture.shop, orderId: fixture.orderId, returnId: RETURN_ID, milestone });
    if (options.fail) throw new Error("the return could not be saved");
    return outcome;
  });
}

describe("notifyReturnUpdate", () => {
  it("GIVEN a return step WHEN the hook runs in the returns transaction THEN one email per step is queued, keyed by return, milestone and channel", async () => {
    const fixture = await seedOrder(db.get().prisma, freshShop());
    const outcome = await fakeReturnStep(fixture, "approved");

    expect(outcome).toMatchObject({ recorded: true, trigger: "return_update" });
    expect(await outbox(db.get().prisma, fixture.shop)).toMatchObject([{ trigger: "return_update", channel: "email", status: "pending", shipmentId: null, dedupeKey: `return:${RETURN_ID}:approved:email` }]);
    expect(await sendJobs(db.get().prisma, fixture.shop)).toHaveLength(1);
  });

  it("GIVEN the same step reported five times WHEN recorded THEN there is one message; a new step adds its own", async () => {
    const fixture = await seedOrder(db.get().prisma, freshShop());
    for (let replay = 0; replay < 5; replay++) await fakeReturnStep(fixture, "requested");
    await fakeReturnStep(fixture, "approved");

    expect((await outbox(db.get().prisma, fixture.shop)).map((message) => message.dedupeKey).sort()).toEqual([`return:${RETURN_ID}:approved:email`, `return:${RETURN_ID}:requested:email`]);
  });

  it("GIVEN the returns transaction fails after the hook WHEN it rolls back THEN no message or job remains", async () => {
    const fixture = await seedOrder(db.get().prisma, freshShop());
    await expect(fakeReturnStep(fixture, "received", { fail: true })).rejects.toThrow("the return could not be saved");
    expect(await outbox(db.get().prisma, fixture.shop)).toEqual([]);
    expect(await sendJobs(db.get().prisma, fixture.shop)).toEqual([]);
  });

  it("GIVEN return updates switched off WHEN a step is reported THEN nothing is recorded", async () => {
    const fixture = await seedOrder(db.get().prisma, freshShop());
    await saveNotificationPreferences(db.get().prisma, fixture.shop, { triggers: { return_update: { email: false, sms: false } } });
    expect(await fakeReturnStep(fixture, "approved")).toEqual({ recorded: false, reason: "no_channel" });
  });

  it("GIVEN an order we do not hold WHEN a step is reported THEN nothing is recorded", async () => {
    const fixture = await seedOrder(db.get().prisma, freshShop());
    expect(await fakeReturnStep({ shop: fixture.shop, orderId: "gid://shopify/Order/404" }, "approved")).toEqual({ recorded: false, reason: "stale" });
  });

  it.each([
    ["en", "label_ready", "Your return label for order #1042 is ready"],
    ["de", "refunded", "Deine Erstattung für Bestellung #1042 ist unterwegs"],
    ["fr", "declined", "À propos de votre demande de retour pour la commande #1042"],
    ["es", "closed", "Tu devolución del pedido #1042 está completa"],
  ] as const)("GIVEN a %s shopper WHEN the %s step is sent THEN the email speaks of that step in their language", async (locale, milestone, subject) => {
    const fixture = await seedOrder(db.get().prisma, freshShop(), { locale });
    await fakeReturnStep(fixture, milestone);
    await drain();
    expect(sent.emails.map((email) => email.subject)).toEqual([subject]);
  });

  it("GIVEN a cancelled order WHEN its refund step is sent THEN it still goes out (a refund is news whatever the order's state)", async () => {
    const prisma = db.get().prisma;
    const fixture = await seedOrder(prisma, freshShop());
    await prisma.order.updateMany({ where: { shop: fixture.shop, id: fixture.orderId }, data: { cancelledAt: new Date() } });
    await fakeReturnStep(fixture, "refunded");
    await drain();
    expect(sent.emails).toHaveLength(1);
  });

  it("GIVEN SMS switched on for return updates WHEN the label is ready THEN the text names the step and the link", async () => {
    const prisma = db.get().prisma;
    const fixture = await seedOrder(prisma, freshShop(), { phone: "+4915123456789", settings: { notifications: { smsEnabled: true } } });
    await saveNotificationPreferences(prisma, fixture.shop, { triggers: { return_update: { email: false, sms: true } }, quietHours: { enabled: false } });
    await fakeReturnStep(fixture, "label_ready");
    await drain();
    expect(sent.texts.map((text) => text.body)).toEqual([expect.stringMatching(/^Tea & Co: the return label for order #1042 is ready\. Details: https:\/\/\S+ Reply STOP to opt out\.$/)]);
  });
});

describe("return update keys", () => {
  it.each(RETURN_MILESTONES)("GIVEN a gid return id WHEN the %s key is read back THEN the milestone is found despite the colons in the id", (milestone) => {
    expect(returnMilestoneOfKey(returnUpdateKey(RETURN_ID, milestone, "sms"))).toBe(milestone);
  });

  it.each(["order:gid://shopify/Order/1:confirmed:email", "return:gid://shopify/Return/1:shipped:email", "return:x:approved:fax"])("GIVEN the key %j WHEN read as a return update THEN it is not one", (key) => {
    expect(returnMilestoneOfKey(key)).toBeNull();
  });
});
