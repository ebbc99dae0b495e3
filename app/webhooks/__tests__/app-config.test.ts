import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { API_VERSION } from "~/shopify.server";
import { APPLIED_TOPICS, DEFERRED_TOPICS } from "../topic-names";
import { WEBHOOK_HANDLERS } from "../topics.server";
import { readAppConfig, subscribedTopics } from "./app-config";

const WEBHOOK_ROUTE_FILE = "app/routes/webhooks.$.tsx";
/** The URL pattern Remix's flat routes give webhooks.$.tsx: everything under /webhooks/. */
const WEBHOOK_ROUTE_PATTERN = /^\/webhooks\/[a-z_]+\/[a-z_]+$/;

describe("shopify.app.toml", () => {
  it("GIVEN the config WHEN read THEN webhooks use the app's API version and the scopes match the env default", () => {
    const config = readAppConfig();
    const defaults = parseEnv({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://app.example" });

    expect(config.webhooks.api_version).toBe(API_VERSION);
    expect(config.access_scopes.scopes).toBe(defaults.SCOPES);
  });

  it.each(subscribedTopics())("GIVEN the subscription to $topic WHEN delivered THEN its uri $uri is served by the webhook route", ({ topic, uri }) => {
    expect(existsSync(WEBHOOK_ROUTE_FILE)).toBe(true);
    expect(uri).toMatch(WEBHOOK_ROUTE_PATTERN);
    expect(uri).toBe(`/webhooks/${topic}`);
  });

  it("GIVEN the subscriptions WHEN compared with the topic table THEN every subscribed topic is handled or deliberately deferred, and vice versa", () => {
    const subscribed = subscribedTopics().map(({ topic }) => topic).sort();
    const known = [...APPLIED_TOPICS, ...Object.keys(DEFERRED_TOPICS)].sort();

    expect(subscribed).toEqual(known);
    expect(new Set(subscribed).size).toBe(subscribed.length);
  });

  it("GIVEN the mandatory compliance topics WHEN subscribed THEN each is a compliance topic", () => {
    const compliance = readAppConfig().webhooks.subscriptions.flatMap((subscription) => subscription.compliance_topics ?? []);

    expect(compliance.sort()).toEqual(["customers/data_request", "customers/redact", "shop/redact"]);
  });

  it.each(APPLIED_TOPICS)("GIVEN the applied topic %s WHEN dispatched THEN a handler exists", (topic) => {
    expect(WEBHOOK_HANDLERS[topic]).toBeTypeOf("function");
  });
});
