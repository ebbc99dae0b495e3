import { beforeEach, describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { drainJobs } from "~/jobs/worker.server";
import { useTestDatabase } from "~/test/database";
import { recordShipmentMilestone } from "../../outbox.server";
import { createSendJob } from "../../send-job.server";
import { recordingChannels } from "../../__tests__/fake-channels";
import { freshShop, outbox, seedOrder, setShipmentStatus } from "../../__tests__/fixtures";
import { previewDraft } from "../editor.server";
import { loadTemplateOverrides, resetTemplate, saveTemplate } from "../templates.server";

const db = useTestDatabase();
let sent = recordingChannels();
const sendJob = createSendJob(() => sent.channels);

beforeEach(async () => {
  sent = recordingChannels();
  await db.get().prisma.job.deleteMany({});
});

async function outForDelivery(locale = "en") {
  const prisma = db.get().prisma;
  const fixture = await seedOrder(prisma, freshShop(), { locale, phone: "+4915123456789", settings: { notifications: { smsEnabled: true } } });
  await setShipmentStatus(prisma, fixture.shop, fixture.shipmentIds[0]!, "out_for_delivery");
  return {
    ...fixture,
    record: () => recordShipmentMilestone(prisma, fixture.shop, { shipmentId: fixture.shipmentIds[0]!, orderId: fixture.orderId, from: "in_transit", to: "out_for_delivery", at: new Date() }),
  };
}

const drain = () => drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + 24 * 3600_000) });

describe("merchant templates", () => {
  it("GIVEN a saved German email template WHEN the message is sent THEN subject and intro are the merchant's, with placeholders filled and escaped", async () => {
    const order = await outForDelivery("de");
    await saveTemplate(db.get().prisma, order.shop, { trigger: "out_for_delivery", channel: "email", locale: "de" }, {
      subject: "{customerName}, {orderName} kommt heute!",
      intro: "Heute kommt <dein> Paket ({parcels, plural, one {# Paket} other {# Pakete}}), erwartet {estimatedDelivery}.",
    });
    await order.record();
    await drain();

    const [email] = sent.emails;
    expect(email?.subject).toBe("Zoë, #1042 kommt heute!");
    expect(email?.text).toContain("Heute kommt <dein> Paket (1 Paket), erwartet");
    expect(email?.html).toContain("Heute kommt &lt;dein&gt; Paket");
    // The heading was left empty: the catalogue's.
    expect(email?.text).toContain("Heute in der Zustellung");
  });

  it("GIVEN a template only in English WHEN a French order's message is sent THEN it uses the French catalogue", async () => {
    const order = await outForDelivery("fr");
    await saveTemplate(db.get().prisma, order.shop, { trigger: "out_for_delivery", channel: "email", locale: "en" }, { subject: "Custom {orderName}" });
    await order.record();
    await drain();
    expect(sent.emails[0]?.subject).not.toContain("Custom");
  });

  it("GIVEN a saved SMS template WHEN the text is sent THEN it is the merchant's text with the opt-out line", async () => {
    const order = await outForDelivery();
    await saveTemplate(db.get().prisma, order.shop, { trigger: "out_for_delivery", channel: "sms", locale: "en" }, { sms: "Hi {customerName}! {orderName} arrives today: {trackingUrl}" });
    await order.record();
    await drain();
    expect(sent.texts.map((text) => text.body)).toEqual([expect.stringMatching(/^Hi Zoë! #1042 arrives today: https:\/\/\S+ Reply STOP to opt out\.$/)]);
  });

  it("GIVEN a template with a syntax error WHEN saved THEN it is refused with line and column and the saved template is unchanged", async () => {
    const order = await outForDelivery();
    const key = { trigger: "shipped", channel: "email", locale: "en" } as const;
    await saveTemplate(db.get().prisma, order.shop, key, { subject: "Good {orderName}" });

    const error = await saveTemplate(db.get().prisma, order.shop, key, { subject: "Bad {orderName" }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fieldErrors).toEqual({ subject: ["line 1, column 5: a { is not closed with }"] });
    expect(await loadTemplateOverrides(db.get().prisma, order.shop, key)).toEqual({ subject: "Good {orderName}" });
  });

  it("GIVEN a saved template WHEN reset THEN the catalogue's copy is used again", async () => {
    const order = await outForDelivery();
    const key = { trigger: "out_for_delivery", channel: "email", locale: "en" } as const;
    await saveTemplate(db.get().prisma, order.shop, key, { subject: "Mine" });
    await resetTemplate(db.get().prisma, order.shop, key);
    await order.record();
    await drain();
    expect(sent.emails[0]?.subject).toBe("Order #1042 is out for delivery");
  });

  it("GIVEN two shops WHEN one saves a template THEN the other's messages keep the catalogue", async () => {
    const mine = await outForDelivery();
    const theirs = await outForDelivery();
    await saveTemplate(db.get().prisma, mine.shop, { trigger: "out_for_delivery", channel: "email", locale: "en" }, { subject: "Mine {orderName}" });
    await theirs.record();
    await drain();
    expect(sent.emails.map((email) => email.subject)).toEqual(["Order #1042 is out for delivery"]);
    expect(await outbox(db.get().prisma, mine.shop)).toEqual([]);
  });

  it("GIVEN an unsaved draft WHEN previewed THEN the preview shows it without storing anything", async () => {
    const order = await outForDelivery();
    const key = { trigger: "delivered", channel: "email", locale: "en" } as const;
    const preview = await previewDraft(db.get().prisma, order.shop, key, { subject: "Draft for {orderName}" });
    expect(preview).toMatchObject({ channel: "email", subject: "Draft for #1042", orderName: "#1042" });
    expect(await loadTemplateOverrides(db.get().prisma, order.shop, key)).toEqual({});
  });
});
