import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { toGid } from "../store/ids.ts";
import { actualQueryCost, requestedQueryCost } from "./cost.ts";
import type { ResolverContext, ResolverMap } from "./resolver-types.ts";
import { dateTime } from "./scalars.ts";
import { SINGLE_QUERY_MAX_COST, type ThrottleBuckets, type ThrottleStatus } from "./throttle.ts";

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlResponseBody {
  data?: unknown;
  errors?: unknown[];
  extensions?: Record<string, unknown>;
}

/**
 * Reads fields not in the resolver map from the source record: numeric `id`s become gids of the parent
 * type, Dates become Shopify DateTimes; a field the record lacks is reported as not implemented rather
 * than silently null.
 */
function fieldResolverFor(resolvers: ResolverMap): GraphQLFieldResolver<unknown, ResolverContext> {
  return (source, args, context, info) => {
    const typeName = info.parentType.name;
    const custom = resolvers[typeName]?.[info.fieldName] as
      | ((s: unknown, a: Record<string, unknown>, c: ResolverContext, i: typeof info) => unknown)
      | undefined;
    if (custom) return custom(source, args, context, info);
    const record = source as Record<string, unknown>;
    if (info.fieldName === "id" && typeof record.id === "string" && /^\d+$/.test(record.id)) return toGid(typeName, record.id);
    if (info.fieldName === "legacyResourceId" && typeof record.id === "string") return record.id;
    if (record !== null && typeof record === "object" && info.fieldName in record) {
      const value = record[info.fieldName];
      return value instanceof Date ? dateTime(value) : value;
    }
    throw new GraphQLError(`The Shopify stand-in does not implement ${typeName}.${info.fieldName} yet (sim/graphql/resolvers).`, {
      extensions: { code: "NOT_IMPLEMENTED" },
    });
  };
}

/** graphql-js words validation errors differently from Shopify (graphql-ruby); translate the common one. */
function shopifyValidationError(error: GraphQLError) {
  const undefinedField = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  const base = { message: error.message, locations: error.locations };
  if (undefinedField) {
    const [, fieldName, typeName] = undefinedField;
    return { ...base, message: `Field '${fieldName}' doesn't exist on type '${typeName}'`, extensions: { code: "undefinedField", typeName, fieldName } };
  }
  return base;
}

function costExtension(requested: number, actual: number, status: ThrottleStatus) {
  return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: status } };
}

export interface ExecuteOptions {
  schema: GraphQLSchema;
  resolvers: ResolverMap;
  throttle: ThrottleBuckets;
  throttleKey: string;
  context: ResolverContext;
}

/** Validates and runs one Admin API request with Shopify's error and cost reporting. */
export async function executeGraphql(request: GraphqlRequest, options: ExecuteOptions): Promise<GraphqlResponseBody> {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const syntax = error as GraphQLError;
    return { errors: [{ message: syntax.message, locations: syntax.locations }] };
  }
  const validationErrors = validate(options.schema, document);
  if (validationErrors.length > 0) return { errors: validationErrors.map(shopifyValidationError) };

  const variables = request.variables ?? {};
  const requested = requestedQueryCost(options.schema, document, variables, request.operationName);
  const nowMs = Date.now();
  if (requested > SINGLE_QUERY_MAX_COST) {
    return {
      errors: [
        {
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
        },
      ],
    };
  }
  const taken = options.throttle.take(options.throttleKey, requested, nowMs);
  if (!taken.allowed) {
    return {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: costExtension(requested, 0, taken.status),
    };
  }

  const result: ExecutionResult = await execute({
    schema: options.schema,
    document,
    variableValues: variables,
    operationName: request.operationName ?? undefined,
    contextValue: options.context,
    fieldResolver: fieldResolverFor(options.resolvers),
  });
  const body: GraphqlResponseBody = {};
  if (result.errors) body.errors = result.errors.map((e) => e.toJSON());
  body.data = result.data ?? null;
  // Shopify charges the requested cost up front and refunds what the answer did not use.
  const actual = Math.min(requested, actualQueryCost(options.schema, document, result.data, request.operationName));
  const status = actual < requested ? options.throttle.refund(options.throttleKey, requested - actual, Date.now()) : taken.status;
  const extensions: Record<string, unknown> = costExtension(requested, actual, status);
  if (options.context.searchWarnings.length > 0) {
    extensions.search = options.context.searchWarnings.map((w) => ({ path: w.path, query: w.query, parsed: {}, warnings: w.warnings }));
  }
  body.extensions = extensions;
  return body;
}
