import { describe, expect, it } from "vitest";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/notifications.unsubscribe.$token";
import { loader as clickLoader } from "~/routes/notifications.click.$token";
import { loader as openLoader } from "~/routes/notifications.open.$token";
import { useTestDatabase } from "~/test/database";
import { addressHash } from "../keys.server";
import { clickUrl, openPixelUrl, unsubscribeUrl } from "../links.server";
import { isAddressSuppressed } from "../suppressions.server";
import { recordShipmentMilestone } from "../outbox.server";
import { freshShop, outbox, seedOrder } from "./fixtures";

const db = useTestDatabase();

async function messageFixture() {
  const prisma = db.get().prisma;
  const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
  await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "delivered", at: new Date() });
  const [message] = await outbox(prisma, shop);
  return { shop, messageId: message!.id };
}

const tokenIn = (url: string) => url.split("/").at(-1)!;
const args = (url: string, method = "GET", body?: string) => ({
  request: new Request(url, { method, ...(body ? { body, headers: { "content-type": "application/x-www-form-urlencoded" } } : {}) }),
  params: { token: tokenIn(url) },
  context: {},
});

describe("unsubscribe endpoint", () => {
  it("GIVEN a valid link WHEN opened (GET) THEN a confirmation form is shown and nothing is recorded yet", async () => {
    const { shop, messageId } = await messageFixture();
    const hash = addressHash("email", "zoe@example.com");
    const response = await unsubscribeLoader(args(await unsubscribeUrl({ shop, messageId, channel: "email", addressHash: hash })));
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<form method="post" action="\/notifications\/unsubscribe\/[^"]+"><button type="submit">Unsubscribe<\/button>/);
    expect(await isAddressSuppressed(db.get().prisma, shop, "email", hash)).toBe(false);
  });

  it.each([
    { case: "the confirmation form", body: undefined },
    { case: "an RFC 8058 one-click POST", body: "List-Unsubscribe=One-Click" },
  ])("GIVEN a valid link WHEN posted by $case THEN the address is suppressed for the shop", async ({ body }) => {
    const { shop, messageId } = await messageFixture();
    const hash = addressHash("email", "zoe@example.com");
    const response = await unsubscribeAction(args(await unsubscribeUrl({ shop, messageId, channel: "email", addressHash: hash }), "POST", body));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("You're unsubscribed");
    expect(await isAddressSuppressed(db.get().prisma, shop, "email", hash)).toBe(true);
    expect(await isAddressSuppressed(db.get().prisma, freshShop(), "email", hash)).toBe(false);
  });

  it.each([
    { case: "a tampered token", mangle: (token: string) => `${token.slice(0, -2)}xx` },
    { case: "garbage", mangle: () => "not-a-token" },
    { case: "an open-pixel token", mangle: (_token: string, other: string) => other },
  ])("GIVEN $case WHEN used THEN the same 404 page answers and nothing is recorded", async ({ mangle }) => {
    const { shop, messageId } = await messageFixture();
    const good = tokenIn(await unsubscribeUrl({ shop, messageId, channel: "email", addressHash: "h" }));
    const other = tokenIn(await openPixelUrl({ shop, messageId }));
    const url = `http://127.0.0.1/notifications/unsubscribe/${mangle(good, other)}`;
    const [get, post] = [await unsubscribeLoader(args(url)), await unsubscribeAction(args(url, "POST"))];
    expect([get.status, post.status]).toEqual([404, 404]);
    expect(await get.text()).toContain("This link is not valid");
    expect(await db.get().prisma.notificationSuppression.count({ where: { shop } })).toBe(0);
  });
});

describe("open pixel and click redirect", () => {
  it("GIVEN a message's pixel WHEN loaded twice THEN two opens are counted and a GIF is served", async () => {
    const { shop, messageId } = await messageFixture();
    const url = await openPixelUrl({ shop, messageId });
    for (let load = 0; load < 2; load++) {
      const response = await openLoader(args(url));
      expect(response.headers.get("content-type")).toBe("image/gif");
    }
    expect((await outbox(db.get().prisma, shop))[0]).toMatchObject({ openCount: 2, firstOpenedAt: expect.any(Date) });
  });

  it("GIVEN a forged pixel token WHEN loaded THEN the GIF is served and nothing is counted", async () => {
    const response = await openLoader(args("http://127.0.0.1/notifications/open/forged"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
  });

  it("GIVEN a message's tracking link WHEN clicked THEN the click (and an open) is counted and the shopper is redirected", async () => {
    const { shop, messageId } = await messageFixture();
    const destination = `https://${shop}/apps/track/o/token`;
    const response = await clickLoader(args(await clickUrl({ shop, messageId, url: destination })));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(destination);
    expect((await outbox(db.get().prisma, shop))[0]).toMatchObject({ clickCount: 1, openCount: 0, firstClickedAt: expect.any(Date), firstOpenedAt: expect.any(Date) });
  });

  it("GIVEN a click token whose destination was edited WHEN followed THEN 404, never an open redirect", async () => {
    const { shop, messageId } = await messageFixture();
    const token = tokenIn(await clickUrl({ shop, messageId, url: "https://example.com/" }));
    const [header, payload, signature] = token.split(".");
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), u: "https://evil.example/" })).toString("base64url");
    const response = await clickLoader(args(`http://127.0.0.1/notifications/click/${header}.${edited}.${signature}`));
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
  });
});
