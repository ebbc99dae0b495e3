import { type Db, db } from "~/db.server";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { offlineAdmin } from "~/shopify/offline-admin.server";
import type { PhotoStorage } from "./photo-store.server";

/** What the returns services reach outside themselves; tests pass their own database, Admin API and clock. */
export interface ReturnsDeps {
  db: Db;
  /** The shop's Admin API client (its offline session). */
  admin(shop: string): Promise<AdminGraphqlClient>;
  now(): Date;
  /** Where shoppers' photos are; the configured storage when absent. */
  photos?: PhotoStorage;
}

/** The process-wide database, the shop's offline Admin API session and the wall clock. */
export function defaultReturnsDeps(): ReturnsDeps {
  return {
    db: db(),
    admin: offlineAdmin,
    now: () => new Date(),
  };
}
