import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, Kind, NoUnusedFragmentsRule, parse, specifiedRules, validate, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { findTaggedDocuments, type TaggedDocument } from "./graphql-documents";

/** Shopify's Admin API schema as vendored for the stand-in (introspection JSON, gzip). */
const VENDORED_SCHEMA = "sim/schema/admin_2026-07.json.gz";

function loadAdminSchema(): GraphQLSchema {
  const introspection = JSON.parse(gunzipSync(readFileSync(VENDORED_SCHEMA)).toString("utf8"));
  return buildClientSchema(introspection.data ?? introspection);
}

/** The problems of one document against the schema, each prefixed with where the document lives. */
function problemsOf(schema: GraphQLSchema, document: TaggedDocument): string[] {
  const where = `${document.file}:${document.line}`;
  if (document.problem) return [`${where}: ${document.problem}`];
  let parsed;
  try {
    parsed = parse(document.source);
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
  // A fragment-only document is included by the queries that use it; alone, its fragments are unused.
  const onlyFragments = parsed.definitions.every((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const rules = onlyFragments ? specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule) : specifiedRules;
  return validate(schema, parsed, rules).map((error) => `${where}: ${error.message}`);
}

describe("Admin GraphQL documents", () => {
  const schema = loadAdminSchema();
  const documents = findTaggedDocuments("app");

  it("GIVEN the app's source THEN it finds the #graphql documents (including this module's own reconcile query)", () => {
    expect(documents.map((document) => document.file)).toContain("app/reconciliation/orders-query.ts");
  });

  it("GIVEN every #graphql document in app/ WHEN validated against Shopify's Admin schema 2026-07 THEN none has errors", () => {
    const problems = documents.flatMap((document) => problemsOf(schema, document));

    expect(problems, problems.join("\n")).toEqual([]);
  });

  it.each([
    ["an unknown field", "#graphql\nquery { shop { nameTypo } }", /Cannot query field "nameTypo" on type "Shop"/],
    ["a missing required argument", "#graphql\nquery { order { id } }", /argument "id" of type "ID!" is required/],
    ["a syntax error", "#graphql\nquery { shop { name }", /Syntax Error/],
  ])("GIVEN a document with %s THEN the check reports it with its file", (_case, source, message) => {
    const problems = problemsOf(schema, { file: "app/example.ts", line: 3, source });

    expect(problems).toEqual([expect.stringMatching(/^app\/example\.ts:3: /)]);
    expect(problems[0]).toMatch(message);
  });
});
