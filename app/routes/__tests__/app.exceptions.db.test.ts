import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { freshShop, seedOrder } from "~/notifications/__tests__/fixtures";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import { action, loader } from "~/routes/app.exceptions._index";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { embeddedRequest, signSessionToken } from "./embedded-request";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const args = (request: Request) => ({ request, params: {}, context: {} });
const statusOf = (response: { init?: ResponseInit | null }) => response.init?.status ?? 200;

beforeAll(() => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
});

async function installedShop() {
  const shop = freshShop();
  await sessionStorage.storeSession(new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders", accessToken: `shpat_${shop}` }));
  const fixture = await seedOrder(prisma(), shop);
  const flag = await prisma().shipmentException.create({
    data: { shop, kind: "stalled", orderId: fixture.orderId, shipmentId: fixture.shipmentIds[0]!, openKey: "k", evidence: "{}", since: new Date(), detectedAt: new Date() },
  });
  return { shop, flagId: flag.id };
}

async function post(shop: string, body: string) {
  const signed = embeddedRequest("/app/exceptions", await signSessionToken({ shop }), "header", shop);
  const headers = new Headers(signed.headers);
  headers.set("Content-Type", "application/json");
  return action(args(new Request(signed.url, { method: "POST", headers, body })));
}

describe("the exceptions page", () => {
  it("GIVEN valid action and digest settings WHEN saved THEN the page shows them and detection's own settings are kept", async () => {
    const { shop } = await installedShop();
    const before = (await getNotificationPreferences(prisma(), shop)).exceptions.stalledAfterDays;
    const loaded = await loader(args(embeddedRequest("/app/exceptions", await signSessionToken({ shop }), "header", shop)));
    const actions = { ...loaded.data.settings.actions, stalled: { ...loaded.data.settings.actions.stalled, tag_order: "auto", notify_support: "manual", tag: "late-parcel" } };

    const saved = await post(shop, JSON.stringify({ intent: "save-settings", actions, supportEmail: "help@tea.example", digest: { hour: 8, email: null } }));
    const reloaded = await loader(args(embeddedRequest("/app/exceptions", await signSessionToken({ shop }), "header", shop)));

    expect(statusOf(saved)).toBe(200);
    expect(reloaded.data.settings).toMatchObject({ supportEmail: "help@tea.example", digest: { hour: 8, email: null }, actions: { stalled: { tag_order: "auto", notify_support: "manual", tag: "late-parcel" } } });
    expect((await getNotificationPreferences(prisma(), shop)).exceptions.stalledAfterDays).toBe(before);
  });

  it.each([
    ["a support action without an address", { actions: { stalled: { notify_support: "auto" } } }, "supportEmail"],
    ["a bad support address", { supportEmail: "not-an-email" }, "supportEmail"],
    ["a tag with a comma", { actions: { past_due: { tag: "late,slow" } } }, "actions.past_due.tag"],
    ["an hour of 24", { digest: { hour: 24 } }, "digest.hour"],
    ["an unknown mode", { actions: { stalled: { tag_order: "sometimes" } } }, "actions.stalled.tag_order"],
  ])("GIVEN %s WHEN saved THEN 422 names the field and nothing is stored", async (_case, settings, field) => {
    const { shop } = await installedShop();

    const saved = await post(shop, JSON.stringify({ intent: "save-settings", ...settings }));

    expect(statusOf(saved)).toBe(422);
    expect(saved.data).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
    expect(await prisma().notificationSettings.count({ where: { shop } })).toBe(0);
  });

  it.each([
    ["not JSON", "{", 422],
    ["an unknown intent", JSON.stringify({ intent: "delete-everything" }), 422],
    ["an unknown action", JSON.stringify({ intent: "run-action", exceptionId: "x", action: "refund" }), 422],
    ["an unknown flag", JSON.stringify({ intent: "run-action", exceptionId: "nope", action: "tag_order" }), 404],
    ["an action that is switched off", "FLAG:tag_order", 409],
  ])("GIVEN %s WHEN posted THEN it answers %i and records no action", async (_case, body, status) => {
    const { shop, flagId } = await installedShop();

    const answer = await post(shop, body.startsWith("FLAG:") ? JSON.stringify({ intent: "run-action", exceptionId: flagId, action: body.slice(5) }) : body);

    expect(statusOf(answer)).toBe(status);
    expect(await prisma().exceptionAction.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN a manual action WHEN run now is posted twice THEN one action and one job are recorded and the second answers 409", async () => {
    const { shop, flagId } = await installedShop();
    const prefs = await getNotificationPreferences(prisma(), shop);
    await post(shop, JSON.stringify({ intent: "save-settings", actions: { ...prefs.exceptions.actions, stalled: { ...prefs.exceptions.actions.stalled, tag_order: "manual" } } }));
    const runNow = JSON.stringify({ intent: "run-action", exceptionId: flagId, action: "tag_order" });

    const first = await post(shop, runNow);
    const second = await post(shop, runNow);

    expect([statusOf(first), statusOf(second)]).toEqual([200, 409]);
    expect(await prisma().exceptionAction.findMany({ where: { shop } })).toEqual([expect.objectContaining({ action: "tag_order", requestedBy: "manual", status: "pending" })]);
    expect(await prisma().job.count({ where: { shop, name: "exceptions.action" } })).toBe(1);
  });
});
