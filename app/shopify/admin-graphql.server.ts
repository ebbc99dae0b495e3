import { GraphqlQueryError, HttpMaxRetriesError, HttpRequestError, HttpResponseError } from "@shopify/shopify-api";
import { z } from "zod";
import { ShopifyApiError, throwIfUserErrors } from "~/errors";
import { parseShopifyJson } from "~/webhooks/payload";

export { throwIfUserErrors };

/** What we need of the library's Admin API context (`authenticate.admin`, `unauthenticated.admin`). */
export interface AdminGraphqlClient {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

export interface GraphqlErrorDetail {
  message: string;
  code?: string;
}

/**
 * An Admin GraphQL call failed: non-2xx, top-level `errors`, or `data` of an unexpected shape. `retryable`
 * when waiting can fix it (throttling, Shopify's 5xx, the network); otherwise the request itself is wrong.
 */
export class ShopifyGraphqlError extends ShopifyApiError {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly errors: readonly GraphqlErrorDetail[] = [],
    readonly status?: number,
    /** When throttled: how long until Shopify has restored enough points for this query. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Whether Shopify refused the query for lack of rate-limit points. */
  get throttled(): boolean {
    return this.errors.some((error) => error.code === "THROTTLED");
  }
}

const graphqlErrorsSchema = z.array(
  z.looseObject({
    message: z.string().catch("GraphQL error"),
    extensions: z.looseObject({ code: z.string().optional() }).optional().catch(undefined),
  }),
);

/** Shopify's query cost report, which says how long a throttled query must wait. */
const costSchema = z.object({
  requestedQueryCost: z.number(),
  throttleStatus: z.object({ currentlyAvailable: z.number(), restoreRate: z.number().positive() }),
});

const envelopeSchema = z.looseObject({
  data: z.unknown().optional(),
  errors: z.unknown().optional(),
  extensions: z.looseObject({ cost: costSchema.optional().catch(undefined) }).optional().catch(undefined),
});

type Envelope = z.infer<typeof envelopeSchema>;

/**
 * Runs an Admin GraphQL document and returns its `data` parsed by `schema`. Throws ShopifyGraphqlError on
 * errors, throttling (retryable) or a response we cannot read. Mutations still need throwIfUserErrors.
 */
export async function adminGraphql<T>(
  admin: AdminGraphqlClient,
  document: string,
  variables: Record<string, unknown>,
  schema: z.ZodType<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await admin.graphql(document, { variables });
  } catch (error) {
    throw await asGraphqlError(error);
  }
  if (!response.ok) throw httpError(response.status, await response.text().catch(() => ""));

  const envelope = envelopeSchema.safeParse(parseShopifyJson(await response.text()));
  if (!envelope.success) throw new ShopifyGraphqlError("The Admin API answered with a body that is not a GraphQL response", false);
  const errors = graphqlErrors(envelope.data.errors);
  if (errors.length) throw errorsFound(errors, envelope.data.extensions);

  const data = schema.safeParse(envelope.data.data);
  if (!data.success) {
    throw new ShopifyGraphqlError(`The Admin API answered with an unexpected shape: ${z.prettifyError(data.error)}`, false);
  }
  return data.data;
}

function graphqlErrors(value: unknown): GraphqlErrorDetail[] {
  if (value === undefined || value === null) return [];
  const parsed = graphqlErrorsSchema.safeParse(value);
  if (!parsed.success) return [{ message: "GraphQL error" }];
  return parsed.data.map((error) => ({ message: error.message, ...(error.extensions?.code ? { code: error.extensions.code } : {}) }));
}

function errorsFound(errors: GraphqlErrorDetail[], extensions?: Envelope["extensions"]): ShopifyGraphqlError {
  const throttled = errors.some((error) => error.code === "THROTTLED");
  const summary = errors.map((error) => (error.code ? `${error.message} (${error.code})` : error.message)).join("; ");
  const cost = extensions?.cost;
  const missingPoints = cost ? cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable : undefined;
  const retryAfterMs =
    throttled && missingPoints !== undefined ? Math.max(0, Math.ceil((missingPoints / cost!.throttleStatus.restoreRate) * 1000)) : undefined;
  return new ShopifyGraphqlError(
    throttled ? `Shopify throttled the request: ${summary}` : `The Admin API returned errors: ${summary}`,
    throttled,
    errors,
    undefined,
    retryAfterMs,
  );
}

function httpError(status: number, body: string): ShopifyGraphqlError {
  const retryable = status === 429 || status >= 500;
  const detail = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  return new ShopifyGraphqlError(`The Admin API answered HTTP ${status}${detail ? `: ${detail}` : ""}`, retryable, [], status);
}

/** The library reports failures by throwing: its own error classes, or a Response (authenticate.admin). */
async function asGraphqlError(error: unknown): Promise<unknown> {
  if (error instanceof Response) return httpError(error.status, await error.text().catch(() => ""));
  if (error instanceof GraphqlQueryError) {
    const body = error.body as { errors?: { graphQLErrors?: unknown }; extensions?: unknown } | undefined;
    const errors = graphqlErrors(body?.errors?.graphQLErrors);
    const extensions = envelopeSchema.shape.extensions.parse(body?.extensions);
    return errorsFound(errors.length ? errors : [{ message: error.message }], extensions);
  }
  if (error instanceof HttpResponseError) return httpError(error.response.code, error.message);
  // fetch rejects with TypeError("fetch failed") when the network is down.
  const unreachable = error instanceof TypeError && error.message === "fetch failed";
  if (error instanceof HttpRequestError || error instanceof HttpMaxRetriesError || unreachable) {
    return new ShopifyGraphqlError(`The Admin API could not be reached: ${error.message}`, true);
  }
  return error;
}
