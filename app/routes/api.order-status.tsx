import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import { customerTokenClaims, parseOrderIdParam } from "~/shipments/customer-token";
import { getCustomerOrderStatus } from "~/shipments/order-status.server";
import { authenticate } from "~/shopify.server";

/**
 * The order-status block's data: GET ?orderId=gid://shopify/Order/… with the customer-account session
 * token. Only the token's own customer's order in the token's shop is ever returned; anything else is 404.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  const claims = customerTokenClaims(sessionToken);
  if (!claims) return cors(Response.json({ error: "not_logged_in" }, { status: 401 }));
  try {
    const orderId = parseOrderIdParam(new URL(request.url).searchParams);
    const view = await getCustomerOrderStatus(db(), { ...claims, orderId });
    return cors(Response.json(view, { headers: { "Cache-Control": "private, no-store" } }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : undefined;
    return cors(Response.json({ error: error.code, fieldErrors }, { status: httpStatusOf(error) }));
  }
}
