import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startSmtpSink,
  type SmtpSink,
} from "~/notifications/__tests__/smtp-sink";
import { sendTestEmail, TestEmailRefusedError } from "~/notifications/admin/send-test.server";
import { DeliveryError } from "~/notifications/delivery-error";
import { httpStatusOf } from "~/errors";
import { smtpSender } from "~/notifications/email/transport.server";
import { MESSAGE_LOCALES } from "~/notifications/messages";
import { TRIGGERS } from "~/notifications/milestones";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import {
  action as settingsAction,
  loader as settingsLoader,
} from "~/routes/app.notifications._index";
import { loader as logLoader } from "~/routes/app.notifications.log";
import {
  action as templatesAction,
  loader as templatesLoader,
} from "~/routes/app.notifications.templates";
import {
  action as previewAction,
  loader as previewLoader,
} from "~/routes/app.notifications.preview";
import { ALPHA, BETA, seedOrder } from "~/shipments/__tests__/fixtures";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { embeddedRequest, signSessionToken } from "./embedded-request";

const database = useTestDatabase();
const EMPTY = "empty.myshopify.com";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

let sink: SmtpSink;

beforeAll(async () => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(
      `unexpected outbound fetch to ${String(
        input instanceof Request ? input.url : input
      )}`
    );
  });
  for (const shop of [ALPHA, BETA, EMPTY]) {
    await sessionStorage.storeSession(
      new Session({
        id: `offline_${shop}`,
        shop,
        state: "",
        isOnline: false,
        scope: "read_orders",
        accessToken: `shpat_${shop}`,
      })
    );
  }
  const client = database.get().prisma;
  const first = await seedOrder(client, ALPHA, 1001);
  const second = await seedOrder(client, ALPHA, 1002);
  const message = (
    shop: string,
    orderId: string,
    key: string,
    fields: Record<string, unknown>
  ) =>
    client.notificationMessage.create({
      data: {
        shop,
        orderId,
        dedupeKey: key,
        trigger: "shipped",
        channel: "email",
        status: "sent",
        occurredAt: minutesAgo(60),
        sendAt: minutesAgo(60),
        ...fields,
      },
    });
  await message(ALPHA, first, "a1", {
    sentAt: minutesAgo(50),
    firstOpenedAt: minutesAgo(40),
    firstClickedAt: minutesAgo(39),
    createdAt: minutesAgo(60),
  });
  await message(ALPHA, first, "a2", {
    sentAt: minutesAgo(30),
    firstOpenedAt: minutesAgo(20),
    createdAt: minutesAgo(30),
  });
  await message(ALPHA, second, "a3", {
    status: "failed",
    reason: "smtp: 550 No such user",
    createdAt: minutesAgo(20),
  });
  await message(ALPHA, second, "a4", {
    channel: "sms",
    status: "suppressed",
    reason: "no_consent",
    createdAt: minutesAgo(10),
  });
  await message(ALPHA, second, "a5", {
    trigger: "delivered",
    sentAt: minutesAgo(5),
    createdAt: minutesAgo(5),
  });
  // Older than the 30-day window: in the log, not in the rates.
  await message(ALPHA, first, "a-old", {
    status: "failed",
    reason: "old",
    createdAt: minutesAgo(60 * 24 * 40),
  });
  const betaOrder = await seedOrder(client, BETA, 1001);
  await message(BETA, betaOrder, "b1", {
    status: "failed",
    reason: "beta only",
    createdAt: minutesAgo(15),
  });
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
});

const args = (request: Request) => ({ request, params: {}, context: {} });

async function request(
  shop: string,
  path: string,
  init?: { json?: unknown; form?: Record<string, string> }
) {
  const signed = embeddedRequest(
    path,
    await signSessionToken({ shop }),
    "header",
    shop
  );
  if (!init) return signed;
  const body =
    init.json !== undefined
      ? JSON.stringify(init.json)
      : new URLSearchParams(init.form);
  const contentType =
    init.json !== undefined
      ? "application/json"
      : "application/x-www-form-urlencoded";
  const headers = new Headers(signed.headers);
  headers.set("Content-Type", contentType);
  return new Request(signed.url, { method: "POST", headers, body });
}

const statusOf = (response: { init?: ResponseInit | null }) =>
  response.init?.status ?? 200;

describe("app.notifications._index", () => {
  it("GIVEN a shop that never saved settings WHEN the page loads THEN it shows the defaults", async () => {
    const response = await settingsLoader(
      args(await request(EMPTY, "/app/notifications"))
    );

    expect(response.data.preferences.coalesceMinutes).toBe(15);
    expect(response.data.preferences.triggers.delivered).toMatchObject({
      email: true,
      sms: true,
      delayMinutes: 0,
    });
  });

  it("GIVEN edited settings WHEN they are saved THEN the page loads them back and the exceptions settings are kept", async () => {
    const before = await getNotificationPreferences(
      database.get().prisma,
      EMPTY
    );
    const { preferences } = (
      await settingsLoader(args(await request(EMPTY, "/app/notifications")))
    ).data;
    const edited = {
      triggers: {
        ...preferences.triggers,
        delivered: { email: false, sms: true, delayMinutes: 600 },
      },
      quietHours: {
        enabled: true,
        start: "22:00",
        end: "07:30",
        channels: ["sms", "email"],
      },
      coalesceMinutes: 0,
      followUpDays: 7,
    };

    const saved = await settingsAction(
      args(await request(EMPTY, "/app/notifications", { json: edited }))
    );
    const reloaded = (
      await settingsLoader(args(await request(EMPTY, "/app/notifications")))
    ).data.preferences;

    expect(statusOf(saved)).toBe(200);
    expect(saved.data).toEqual({ ok: true });
    expect(reloaded.triggers.delivered).toEqual({
      email: false,
      sms: true,
      delayMinutes: 600,
    });
    expect(reloaded.quietHours).toEqual(edited.quietHours);
    expect(reloaded.coalesceMinutes).toBe(0);
    expect(reloaded.followUpDays).toBe(7);
    expect(reloaded.exceptions).toEqual(before.exceptions);
  });

  it.each([
    [
      "a negative delay",
      { triggers: { shipped: { delayMinutes: -5 } } },
      "triggers.shipped.delayMinutes",
    ],
    [
      "a delay typed as words",
      { triggers: { delivered: { delayMinutes: "soon" } } },
      "triggers.delivered.delayMinutes",
    ],
    [
      "a quiet-hours start that is not a time",
      { quietHours: { start: "25:00" } },
      "quietHours.start",
    ],
    [
      "an unknown quiet-hours channel",
      { quietHours: { channels: ["fax"] } },
      "quietHours.channels.0",
    ],
    [
      "a coalescing window longer than a day",
      { coalesceMinutes: 2000 },
      "coalesceMinutes",
    ],
    ["a follow-up of zero days", { followUpDays: 0 }, "followUpDays"],
    ["a follow-up typed as words", { followUpDays: "soon" }, "followUpDays"],
  ])(
    "GIVEN %s WHEN the settings are saved THEN it answers 422 naming the field and stores nothing",
    async (_, edit, field) => {
      const stored = await getNotificationPreferences(
        database.get().prisma,
        ALPHA
      );

      const response = await settingsAction(
        args(await request(ALPHA, "/app/notifications", { json: edit }))
      );

      expect(statusOf(response)).toBe(422);
      if (response.data.ok)
        throw new Error("expected the settings to be refused");
      expect(Object.keys(response.data.fieldErrors)).toEqual([field]);
      expect(
        await getNotificationPreferences(database.get().prisma, ALPHA)
      ).toEqual(stored);
    }
  );

  it("GIVEN a body that is not JSON WHEN the settings are saved THEN it answers 422, not a crash", async () => {
    const signed = await request(ALPHA, "/app/notifications", {
      form: { coalesceMinutes: "5" },
    });

    const response = await settingsAction(args(signed));

    expect(statusOf(response)).toBe(422);
  });

  it("GIVEN messages of the last 30 days WHEN the page loads THEN each trigger's counts and rates come from them alone", async () => {
    const { rates } = (
      await settingsLoader(args(await request(ALPHA, "/app/notifications")))
    ).data;
    const byTrigger = Object.fromEntries(
      rates.map((row) => [row.trigger, row])
    );

    expect(rates.map((row) => row.trigger)).toEqual([...TRIGGERS]);
    expect(byTrigger.shipped).toEqual({
      trigger: "shipped",
      sent: 2,
      failed: 1,
      suppressed: 1,
      deliveryRate: 2 / 3,
      smsDeliveryRate: null,
      openRate: 1,
      clickRate: 0.5,
    });
    expect(byTrigger.delivered).toMatchObject({
      sent: 1,
      failed: 0,
      openRate: 0,
      clickRate: 0,
    });
    expect(byTrigger.order_confirmed).toMatchObject({
      sent: 0,
      deliveryRate: null,
      openRate: null,
    });
  });

  it("GIVEN shop B's session WHEN its page loads THEN shop A's messages are not counted", async () => {
    const { rates } = (
      await settingsLoader(args(await request(BETA, "/app/notifications")))
    ).data;

    expect(
      rates.filter((row) => row.sent + row.failed + row.suppressed > 0)
    ).toEqual([
      {
        trigger: "shipped",
        sent: 0,
        failed: 1,
        suppressed: 0,
        deliveryRate: 0,
        smsDeliveryRate: null,
        openRate: null,
        clickRate: null,
      },
    ]);
  });
});

describe("app.notifications.log", () => {
  it("GIVEN the shop's messages WHEN the log loads THEN they are newest first with trigger, channel, status, reason and order name", async () => {
    const { rows } = (
      await logLoader(args(await request(ALPHA, "/app/notifications/log")))
    ).data;

    expect(
      rows.map((row) => [
        row.orderName,
        row.trigger,
        row.channel,
        row.status,
        row.reason,
      ])
    ).toEqual([
      ["#1002", "delivered", "email", "sent", null],
      ["#1002", "shipped", "sms", "suppressed", "no_consent"],
      ["#1002", "shipped", "email", "failed", "smtp: 550 No such user"],
      ["#1001", "shipped", "email", "sent", null],
      ["#1001", "shipped", "email", "sent", null],
      ["#1001", "shipped", "email", "failed", "old"],
    ]);
    expect(rows[0]!.sentAt).toBeInstanceOf(Date);
  });

  it.each([
    ["#1001", ["#1001", "#1001", "#1001"]],
    ["1002", ["#1002", "#1002", "#1002"]],
    ["#9999", []],
  ])(
    "GIVEN the filter %s WHEN the log loads THEN only that order's messages are listed",
    async (order, names) => {
      const { rows } = (
        await logLoader(
          args(
            await request(
              ALPHA,
              `/app/notifications/log?order=${encodeURIComponent(order)}`
            )
          )
        )
      ).data;

      expect(rows.map((row) => row.orderName)).toEqual(names);
    }
  );

  it("GIVEN shop B's session WHEN it loads the log, even filtered by shop A's order THEN it sees only its own messages", async () => {
    const all = (
      await logLoader(args(await request(BETA, "/app/notifications/log")))
    ).data.rows;
    const filtered = (
      await logLoader(
        args(await request(BETA, "/app/notifications/log?order=1002"))
      )
    ).data.rows;

    expect(all.map((row) => row.reason)).toEqual(["beta only"]);
    expect(filtered).toEqual([]);
  });

  it("GIVEN an order filter with a NUL character WHEN the log loads THEN the filter is ignored instead of failing the query", async () => {
    const result = await logLoader(args(await request(BETA, "/app/notifications/log?order=%231002%00")));

    expect(result.data.order).toBe("");
    expect(result.data.rows.map((row) => row.reason)).toEqual(["beta only"]);
  });
});

const PREVIEWS = TRIGGERS.flatMap((trigger) =>
  MESSAGE_LOCALES.map((locale) => [trigger, locale] as const)
);

describe("app.notifications.preview", () => {
  it.each(PREVIEWS)(
    "GIVEN the trigger %s in %s WHEN previewed THEN the shop's latest order is rendered as HTML, subject and text",
    async (trigger, locale) => {
      const response = await previewLoader(
        args(
          await request(
            ALPHA,
            `/app/notifications/preview?trigger=${trigger}&locale=${locale}`
          )
        )
      );

      if (!response.data.ok) throw new Error("expected a preview");
      const { email, orderName } = response.data.preview;
      expect(orderName).toBe("#1002");
      expect(email.html).toContain("<!doctype html>");
      expect(email.subject).toContain("#1002");
      expect(email.text).not.toBe("");
      expect(email.html).not.toContain("/notifications/open/");
    }
  );

  it("GIVEN a shop with no orders WHEN previewed in German THEN the sample order is rendered", async () => {
    const response = await previewLoader(
      args(
        await request(
          EMPTY,
          "/app/notifications/preview?trigger=shipped&locale=de"
        )
      )
    );

    if (!response.data.ok) throw new Error("expected a preview");
    expect(response.data.preview.orderName).toBeNull();
    expect(response.data.preview.email.subject).toContain("#1001");
    expect(response.data.preview.email.text).toContain("Trail running shoes");
  });

  it.each([
    ["an unknown trigger", "?trigger=birthday", "trigger"],
    ["an unsupported language", "?locale=tlh", "locale"],
  ])(
    "GIVEN %s WHEN previewed THEN it answers 422 naming the parameter",
    async (_, search, field) => {
      const response = await previewLoader(
        args(await request(ALPHA, `/app/notifications/preview${search}`))
      );

      expect(statusOf(response)).toBe(422);
      if (response.data.ok) throw new Error("expected a refusal");
      expect(Object.keys(response.data.fieldErrors)).toEqual([field]);
    }
  );

  it("GIVEN SMTP is not configured WHEN a test is sent THEN the merchant is told so, not shown a crash", async () => {
    const response = await previewAction(
      args(
        await request(ALPHA, "/app/notifications/preview", {
          form: { trigger: "delivered", locale: "en", to: "me@example.com" },
        })
      )
    );

    expect(statusOf(response)).toBe(409);
    expect(response.data).toMatchObject({
      ok: false,
      message: expect.stringContaining("SMTP_URL"),
    });
  });

  it("GIVEN an address that is not an email WHEN a test is sent THEN it answers 422 on the address field", async () => {
    const response = await previewAction(
      args(
        await request(ALPHA, "/app/notifications/preview", {
          form: { trigger: "delivered", locale: "en", to: "not-an-address" },
        })
      )
    );

    expect(statusOf(response)).toBe(422);
    if (response.data.ok) throw new Error("expected a refusal");
    expect(Object.keys(response.data.fieldErrors)).toEqual(["to"]);
  });

  it("GIVEN a configured SMTP sender WHEN a test is sent THEN the previewed email arrives at the address, marked as a test", async () => {
    const sender = smtpSender(sink.url);
    try {
      await sendTestEmail(
        database.get().prisma,
        ALPHA,
        { trigger: "delivered", locale: "fr", to: "merchant@example.com" },
        { sender, fromAddress: "notify@aftercare.test" }
      );
    } finally {
      sender.close();
    }

    const mail = sink.received.at(-1)!;
    expect(mail.to).toMatchObject({ text: "merchant@example.com" });
    expect(mail.from?.value[0]?.address).toBe("notify@aftercare.test");
    expect(mail.subject).toMatch(/^\[Test\] /);
    expect(mail.subject).toContain("#1002");
    expect(mail.text).toContain("/apps/track/o/");
  });
});

describe("app.notifications.templates", () => {
  const key = { trigger: "shipped", channel: "email", locale: "de" };

  it("GIVEN a template with an unclosed brace on line 2 WHEN saved THEN it answers 422 with the field's line and column and stores nothing", async () => {
    const response = await templatesAction(
      args(
        await request(ALPHA, "/app/notifications/templates", {
          form: { ...key, intent: "save", subject: "Fine {orderName}", intro: "Hallo\n{customerName" },
        })
      )
    );

    expect(statusOf(response)).toBe(422);
    expect(response.data).toMatchObject({
      ok: false,
      fieldErrors: { intro: ["line 2, column 1: a { is not closed with }"] },
    });
    expect(await database.get().prisma.notificationTemplate.count({ where: { shop: ALPHA } })).toBe(0);
  });

  it("GIVEN a valid template WHEN saved THEN the editor loads it and previews it on the shop's latest order; reset brings the catalogue back", async () => {
    const saved = await templatesAction(
      args(await request(ALPHA, "/app/notifications/templates", { form: { ...key, intent: "save", subject: "Unterwegs: {orderName}" } }))
    );
    expect(statusOf(saved)).toBe(200);

    const loaded = (await templatesLoader(args(await request(ALPHA, "/app/notifications/templates?trigger=shipped&channel=email&locale=de")))).data;
    if (!loaded.ok) throw new Error("expected the editor to load");
    expect(loaded.state.saved).toEqual({ subject: "Unterwegs: {orderName}" });
    expect(loaded.state.preview).toMatchObject({ channel: "email", subject: expect.stringMatching(/^Unterwegs: #100\d$/) });

    await templatesAction(args(await request(ALPHA, "/app/notifications/templates", { form: { ...key, intent: "reset" } })));
    const reset = (await templatesLoader(args(await request(ALPHA, "/app/notifications/templates?trigger=shipped&channel=email&locale=de")))).data;
    if (!reset.ok) throw new Error("expected the editor to load");
    expect(reset.state.saved).toEqual({});
  });

  it("GIVEN SMTP is not configured WHEN a template's test is sent THEN it answers 409 saying so, not a crash", async () => {
    const response = await templatesAction(
      args(await request(ALPHA, "/app/notifications/templates", { form: { ...key, intent: "send-test", to: "me@example.com" } }))
    );

    expect(statusOf(response)).toBe(409);
    expect(response.data).toMatchObject({ ok: false, message: expect.stringContaining("SMTP_URL") });
  });

  it("GIVEN a mail server that refuses the test WHEN it is sent THEN the refusal is a 502-class error with the server's reason", async () => {
    const refusing = { send: async () => Promise.reject(new DeliveryError("550 mailbox unavailable", false)), close: () => {} };

    const sending = sendTestEmail(database.get().prisma, ALPHA, { trigger: "delivered", locale: "en", to: "me@example.com" }, {
      sender: refusing as never,
      fromAddress: "notify@aftercare.test",
    });

    await expect(sending).rejects.toBeInstanceOf(TestEmailRefusedError);
    await expect(sending.catch(httpStatusOf)).resolves.toBe(502);
    await expect(sending).rejects.toThrow("The mail server did not accept the test email (550 mailbox unavailable).");
  });

  it("GIVEN an unknown trigger WHEN the editor loads THEN it answers 422 naming the field", async () => {
    const response = await templatesLoader(args(await request(ALPHA, "/app/notifications/templates?trigger=nope")));
    expect(statusOf(response)).toBe(422);
    expect(Object.keys(response.data.ok ? {} : response.data.fieldErrors)).toEqual(["trigger"]);
  });
});
