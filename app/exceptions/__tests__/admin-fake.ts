import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";

/** One scripted Admin API answer: data, userErrors for the mutation, an HTTP status, or throttling. */
export type FakeAnswer = { data: unknown } | { status: number } | { throttled: true };

export interface FakeAdmin extends AdminGraphqlClient {
  calls: { operation: string; variables: Record<string, unknown> }[];
  /** Answers given in order before falling back to `answer`. */
  queue: FakeAnswer[];
}

/** An Admin GraphQL client that records each call and answers from a script, else with `answer(operation, variables)`. */
export function fakeAdmin(answer: (operation: string, variables: Record<string, unknown>) => unknown): FakeAdmin {
  const fake: FakeAdmin = {
    calls: [],
    queue: [],
    async graphql(query, options) {
      const operation = /mutation (\w+)/.exec(query)?.[1] ?? "unknown";
      const variables = options?.variables ?? {};
      fake.calls.push({ operation, variables });
      const scripted = fake.queue.shift();
      if (scripted && "status" in scripted) return new Response("Service unavailable", { status: scripted.status });
      if (scripted && "throttled" in scripted) {
        return Response.json({
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
          extensions: { cost: { requestedQueryCost: 10, throttleStatus: { currentlyAvailable: 0, restoreRate: 50 } } },
        });
      }
      return Response.json({ data: scripted ? scripted.data : answer(operation, variables) });
    },
  };
  return fake;
}

/** Shopify's successful answers to the two mutations the actions send. */
export function shopifyAnswers(operation: string, variables: Record<string, unknown>): unknown {
  if (operation === "ExceptionTagOrder") return { tagsAdd: { node: { id: variables.id }, userErrors: [] } };
  if (operation === "ExceptionReshipDraft") return { draftOrderCreate: { draftOrder: { id: "gid://shopify/DraftOrder/501", name: "#D1" }, userErrors: [] } };
  throw new Error(`unexpected operation ${operation}`);
}
