import { ShopNotInstalledError } from "~/errors";
import type { AdminGraphqlClient } from "./admin-graphql.server";

/**
 * The shop's Admin API client through its offline session. A shop without one (never installed, or
 * uninstalled while a page or extension still calls us) is ShopNotInstalledError (403), not a crash.
 */
export async function offlineAdmin(shop: string): Promise<AdminGraphqlClient> {
  // Loaded on first use: the Shopify module configures the library from the environment.
  const [{ unauthenticated }, { SessionNotFoundError }] = await Promise.all([import("~/shopify.server"), import("@shopify/shopify-app-remix/server")]);
  try {
    return (await unauthenticated.admin(shop)).admin;
  } catch (error) {
    throw error instanceof SessionNotFoundError ? new ShopNotInstalledError(shop) : error;
  }
}
