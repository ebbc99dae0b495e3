import en from "../../locales/en.default.json" with { type: "json" };
import type { BlockApi } from "../contract";

/** A stand-in for the extension API: English strings from the extension's own locale file, a fixed zone. */
export function fakeApi(overrides: Partial<BlockApi> = {}): BlockApi {
  return {
    orderId: "gid://shopify/Order/3001",
    timeZone: "Europe/Berlin",
    getSessionToken: async () => "session-token",
    translate: (key, replacements = {}) => {
      const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
      if (typeof template !== "string") throw new Error(`missing translation ${key}`);
      return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(replacements[name]));
    },
    formatDate: (date, options) => new Intl.DateTimeFormat("en-GB", options).format(date),
    ...overrides,
  };
}
