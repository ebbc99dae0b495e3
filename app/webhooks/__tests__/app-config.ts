import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

const subscriptionSchema = z.object({
  topics: z.array(z.string()).optional(),
  compliance_topics: z.array(z.string()).optional(),
  uri: z.string(),
});

const appConfigSchema = z.object({
  application_url: z.url(),
  access_scopes: z.object({ scopes: z.string() }),
  webhooks: z.object({ api_version: z.string(), subscriptions: z.array(subscriptionSchema) }),
});

/** shopify.app.toml, checked against the parts the tests rely on. */
export function readAppConfig() {
  return appConfigSchema.parse(parse(readFileSync("shopify.app.toml", "utf8")));
}

/** Every (topic, uri) pair the app subscribes to, compliance topics included. */
export function subscribedTopics() {
  return readAppConfig().webhooks.subscriptions.flatMap((subscription) =>
    [...(subscription.topics ?? []), ...(subscription.compliance_topics ?? [])].map((topic) => ({ topic, uri: subscription.uri })),
  );
}
