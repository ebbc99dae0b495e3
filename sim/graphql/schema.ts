import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

/** The vendored Admin API schema (introspection JSON from Shopify), also read by the app's tests. */
export const ADMIN_SCHEMA_PATH = fileURLToPath(new URL("../schema/admin_2026-07.json.gz", import.meta.url));
export const CUSTOMER_SCHEMA_PATH = fileURLToPath(new URL("../schema/customer_2026-07.json.gz", import.meta.url));

const cache = new Map<string, GraphQLSchema>();

/** Builds (once per process) a schema from a gzipped `{"data": {"__schema": …}}` file. */
export function loadSchema(path: string = ADMIN_SCHEMA_PATH): GraphQLSchema {
  let schema = cache.get(path);
  if (!schema) {
    const introspection = JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as { data: IntrospectionQuery };
    schema = buildClientSchema(introspection.data, { assumeValid: true });
    cache.set(path, schema);
  }
  return schema;
}
