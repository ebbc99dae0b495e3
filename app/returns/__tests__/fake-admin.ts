import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, getOperationAST, type GraphQLSchema, parse, validate } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";

let schema: GraphQLSchema | undefined;

function adminSchema(): GraphQLSchema {
  if (!schema) {
    const introspection = JSON.parse(gunzipSync(readFileSync("sim/schema/admin_2026-07.json.gz")).toString("utf8"));
    schema = buildClientSchema(introspection.data ?? introspection);
  }
  return schema;
}

export interface RecordedCall {
  operation: string;
  variables: Record<string, unknown>;
}

type Answer = (variables: Record<string, unknown>) => unknown;

/**
 * An Admin API client for tests: every document must validate against the vendored 2026-07 schema and every
 * variable must coerce to its declared input type (as Shopify would check), then the operation's handler
 * answers `data`. An operation without a handler fails the test.
 */
export class FakeAdmin implements AdminGraphqlClient {
  readonly calls: RecordedCall[] = [];
  constructor(private readonly answers: Record<string, Answer>) {}

  /** Replaces or adds an operation's answer. */
  on(operation: string, answer: Answer): this {
    this.answers[operation] = answer;
    return this;
  }

  count(operation: string): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  last(operation: string): Record<string, unknown> {
    const call = this.calls.filter((candidate) => candidate.operation === operation).at(-1);
    if (!call) throw new Error(`${operation} was not called`);
    return call.variables;
  }

  async graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response> {
    const document = parse(query);
    const errors = validate(adminSchema(), document);
    if (errors.length) throw new Error(`Invalid document: ${errors.map((error) => error.message).join("; ")}`);
    const operation = getOperationAST(document);
    const name = operation?.name?.value;
    if (!operation || !name) throw new Error("Documents must be named operations");
    const variables = options?.variables ?? {};
    const coerced = getVariableValues(adminSchema(), operation.variableDefinitions ?? [], variables);
    if (coerced.errors?.length) throw new Error(`Invalid variables for ${name}: ${coerced.errors.map((error) => error.message).join("; ")}`);
    this.calls.push({ operation: name, variables });
    const answer = this.answers[name];
    if (!answer) throw new Error(`FakeAdmin has no answer for ${name}`);
    return new Response(JSON.stringify({ data: answer(variables) }), { status: 200, headers: { "Content-Type": "application/json" } });
  }
}

/** A mutation payload with userErrors, as Shopify answers a rejected request. */
export function rejected(field: string, message: string, code = "INVALID") {
  return { return: null, userErrors: [{ field: [field], message, code }] };
}
