import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/webhooks.$";
import { useTestDatabase } from "~/test/database";
import { subscribedTopics } from "./app-config";
import { TEST_SHOP, signedWebhookRequest } from "./signed-webhook";

const database = useTestDatabase();

describe("app/routes/webhooks.$.tsx", () => {
  it.each(subscribedTopics())("GIVEN a signed $topic delivery to $uri WHEN the route's action runs THEN it is stored for processing", async ({ topic, uri }) => {
    const signed = signedWebhookRequest({ topic, body: `{"shop_domain":"${TEST_SHOP}","id":1}` });
    const request = new Request(new URL(uri, "https://app.example"), { method: "POST", headers: signed.headers, body: await signed.text() });

    const response = await action({ request, params: { "*": uri.replace("/webhooks/", "") }, context: {} });

    expect(response.status).toBe(200);
    const event = await database.get().prisma.webhookEvent.findFirstOrThrow({ where: { shop: TEST_SHOP, topic } });
    expect(event.status).toBe("received");
  });

  it("GIVEN a GET WHEN the route's loader runs THEN 405", () => {
    expect(loader().status).toBe(405);
  });
});
