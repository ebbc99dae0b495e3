import { z } from "zod";
import { mintSessionToken } from "../auth/session-tokens.ts";
import { json, type StandInContext } from "../context.ts";
import { signedProxyUrl } from "../proxy/app-proxy.ts";
import { StoreError } from "../store/errors.ts";
import { parseId, toGid } from "../store/ids.ts";
import { adminProcessInput } from "../store/return-admin.ts";
import type { DeliveryFilter, DeliveryState } from "../webhooks/deliverer.ts";
import * as body from "./control-schemas.ts";
import type { RouteHandler, RouteParams, Router } from "./router.ts";
import { customerSummary, eventSummary, fulfillmentSummary, orderSummary, productSummary, refundSummary, returnSummary } from "./summaries.ts";

export type SeedRunner = (input: z.infer<typeof body.seedBody>) => Promise<unknown>;

function idParam(value: string | undefined, typeName: string): string {
  const id = value ? parseId(value, typeName) : undefined;
  if (!id) throw new StoreError("NOT_FOUND", `${typeName} ${value ?? ""} not found`);
  return id;
}

async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await request.text();
  return schema.parse(text ? JSON.parse(text) : {});
}

/** Maps errors to HTTP in one place: unknown resources 404, refused changes 422, bad input 400. */
function guarded(handler: RouteHandler): RouteHandler {
  return async (request, params) => {
    try {
      return await handler(request, params);
    } catch (error) {
      if (error instanceof StoreError) return json({ error: error.message }, error.code === "NOT_FOUND" ? 404 : 422);
      if (error instanceof z.ZodError) return json({ error: "Invalid request body", issues: error.issues }, 400);
      if (error instanceof SyntaxError) return json({ error: `Invalid JSON: ${error.message}` }, 400);
      throw error;
    }
  };
}

/** The `/_sim/*` JSON API that tests and scripts in other processes drive the stand-in with. */
export function mountControlApi(router: Router, ctx: StandInContext, runSeed: SeedRunner): void {
  const store = ctx.store;
  const on = (method: string, path: string, handler: (request: Request, params: RouteParams) => Promise<Response> | Response) =>
    router.on(method, `/_sim${path}`, guarded(handler));
  const stateOf = (params: RouteParams) => store.state(params.shop!);

  on("GET", "/health", () => json({ ok: true, url: ctx.url(), shops: store.shopDomains() }));

  on("GET", "/shops", () =>
    json({ shops: store.shopDomains().map((domain) => {
      const shop = store.state(domain).shop;
      return { id: shop.id, domain: shop.domain, name: shop.name, installed: shop.installed, scopes: shop.grantedScopes };
    }) }),
  );
  on("POST", "/shops", async (request) => {
    const input = await readBody(request, body.createShopBody);
    const shop = store.createShop({ ...input, grantedScopes: ctx.scopes });
    return json({ shop: { id: shop.id, domain: shop.domain, name: shop.name } }, 201);
  });

  on("GET", "/shops/:shop/products", (_r, params) => {
    const state = stateOf(params);
    return json({ products: [...state.products.values()].map((product) => ({ ...productSummary(product), collections: state.collectionsOf(product).map((c) => ({ gid: toGid("Collection", c.id), title: c.title })) })) });
  });
  on("GET", "/shops/:shop/customers", (_r, params) => json({ customers: [...stateOf(params).customers.values()].map(customerSummary) }));
  on("POST", "/shops/:shop/customers", async (request, params) => {
    const input = await readBody(request, body.createCustomerBody);
    return json({ customer: customerSummary(store.createCustomer(params.shop!, input)) }, 201);
  });

  on("POST", "/shops/:shop/customers/:customer/consent", async (request, params) => {
    const customer = store.updateMarketingConsent(params.shop!, idParam(params.customer, "Customer"), await readBody(request, body.consentBody));
    return json({ customer: customerSummary(customer) });
  });

  on("GET", "/shops/:shop/orders", (_r, params) => {
    const state = stateOf(params);
    return json({ orders: [...state.orders.values()].map((order) => orderSummary(state, order)) });
  });
  on("GET", "/shops/:shop/orders/:order", (_r, params) => {
    const state = stateOf(params);
    return json({ order: orderSummary(state, state.order(idParam(params.order, "Order"))) });
  });
  on("POST", "/shops/:shop/orders", async (request, params) => {
    const input = await readBody(request, body.createOrderBody);
    const order = store.createOrder(params.shop!, {
      ...input,
      customerId: input.customerId ? idParam(input.customerId, "Customer") : null,
      lineItems: input.lineItems.map((li) => ({ variantId: idParam(li.variantId, "ProductVariant"), quantity: li.quantity })),
    });
    return json({ order: orderSummary(stateOf(params), order) }, 201);
  });
  on("POST", "/shops/:shop/orders/:order/update", async (request, params) => {
    const order = store.updateOrder(params.shop!, idParam(params.order, "Order"), await readBody(request, body.updateOrderBody));
    return json({ order: orderSummary(stateOf(params), order) });
  });
  on("POST", "/shops/:shop/orders/:order/cancel", async (request, params) => {
    const order = store.cancelOrder(params.shop!, idParam(params.order, "Order"), await readBody(request, body.cancelOrderBody));
    return json({ order: orderSummary(stateOf(params), order) });
  });
  on("POST", "/shops/:shop/orders/:order/fulfillments", async (request, params) => {
    const input = await readBody(request, body.fulfillBody);
    const fulfillment = store.fulfillOrder(params.shop!, idParam(params.order, "Order"), {
      ...input,
      lineItems: input.lineItems?.map((li) => ({ lineItemId: idParam(li.lineItemId, "LineItem"), quantity: li.quantity })),
    });
    return json({ fulfillment: fulfillmentSummary(stateOf(params), fulfillment) }, 201);
  });
  on("POST", "/shops/:shop/orders/:order/refunds", async (request, params) => {
    const input = await readBody(request, body.refundBody);
    const refund = store.createRefund(params.shop!, idParam(params.order, "Order"), {
      ...input,
      lineItems: input.lineItems?.map((li) => ({ ...li, lineItemId: idParam(li.lineItemId, "LineItem") })),
    });
    return json({ refund: refundSummary(refund) }, 201);
  });
  on("POST", "/shops/:shop/orders/:order/returns", async (request, params) => {
    const input = await readBody(request, body.requestReturnBody);
    const orderId = idParam(params.order, "Order");
    const returnInput = {
      ...input,
      lineItems: input.lineItems.map((li) => ({ ...li, fulfillmentLineItemId: idParam(li.fulfillmentLineItemId, "FulfillmentLineItem") })),
      exchangeLineItems: input.exchangeLineItems?.map((li) => ({ ...li, variantId: idParam(li.variantId, "ProductVariant") })),
    };
    const record = input.approved ? store.createReturn(params.shop!, orderId, returnInput) : store.requestReturn(params.shop!, orderId, returnInput);
    return json({ return: returnSummary(stateOf(params), record) }, 201);
  });
  on("GET", "/shops/:shop/returns/:return", (_r, params) => {
    const state = stateOf(params);
    return json({ return: returnSummary(state, state.return(idParam(params.return, "Return"))) });
  });
  on("POST", "/shops/:shop/returns/:return/process", async (request, params) => {
    const input = await readBody(request, body.processReturnBody);
    const state = stateOf(params);
    const record = state.return(idParam(params.return, "Return"));
    const processInput = adminProcessInput(store, params.shop!, record, {
      ...input,
      lineItems: input.lineItems?.map((li) => ({ ...li, returnLineItemId: idParam(li.returnLineItemId, "ReturnLineItem") })),
      exchangeLineItems: input.exchangeLineItems?.map((li) => ({ ...li, exchangeLineItemId: idParam(li.exchangeLineItemId, "ExchangeLineItem") })),
    });
    return json({ return: returnSummary(state, store.processReturn(params.shop!, record.id, processInput)) });
  });
  on("POST", "/shops/:shop/returns/:return/reverse-deliveries", async (request, params) => {
    const input = await readBody(request, body.reverseDeliveryBody);
    const state = stateOf(params);
    const record = state.return(idParam(params.return, "Return"));
    const rfo = state.reverseFulfillmentOrdersOf(record)[0];
    if (!rfo) throw new StoreError("INVALID", `Return ${record.name} is not open: it has no reverse fulfillment order yet`);
    const delivery = store.createReverseDelivery(params.shop!, rfo.id, {
      lineItems: rfo.lineItems.map((line) => ({ reverseFulfillmentOrderLineItemId: line.id, quantity: line.totalQuantity })),
      tracking: { number: input.trackingNumber ?? null, url: input.trackingUrl ?? null },
      labelFileUrl: input.labelUrl ?? null,
      at: input.at,
    });
    return json({ return: returnSummary(state, record), reverseDeliveryId: delivery.id }, 201);
  });
  on("POST", "/shops/:shop/returns/:return/:action", async (request, params) => {
    const action = z.enum(["approve", "decline", "cancel", "close", "reopen"]).parse(params.action);
    const record = store.transitionReturn(params.shop!, idParam(params.return, "Return"), action, await readBody(request, body.returnTransitionBody));
    return json({ return: returnSummary(stateOf(params), record) });
  });

  on("POST", "/shops/:shop/fulfillments/:fulfillment/events", async (request, params) => {
    const event = store.addFulfillmentEvent(params.shop!, idParam(params.fulfillment, "Fulfillment"), await readBody(request, body.fulfillmentEventBody));
    return json({ event: eventSummary(event) }, 201);
  });
  on("POST", "/shops/:shop/fulfillments/:fulfillment/tracking", async (request, params) => {
    const fulfillment = store.updateTracking(params.shop!, idParam(params.fulfillment, "Fulfillment"), await readBody(request, body.trackingUpdateBody));
    return json({ fulfillment: fulfillmentSummary(stateOf(params), fulfillment) });
  });
  on("POST", "/shops/:shop/fulfillments/:fulfillment/cancel", async (request, params) => {
    const fulfillment = store.cancelFulfillment(params.shop!, idParam(params.fulfillment, "Fulfillment"), await readBody(request, body.atBody));
    return json({ fulfillment: fulfillmentSummary(stateOf(params), fulfillment) });
  });

  on("POST", "/shops/:shop/uninstall", async (request, params) => {
    store.uninstallApp(params.shop!, await readBody(request, body.atBody));
    return json({ ok: true });
  });
  on("POST", "/shops/:shop/scopes", async (request, params) => {
    const input = await readBody(request, body.scopesBody);
    store.updateScopes(params.shop!, input.scopes, input);
    return json({ ok: true });
  });
  on("POST", "/shops/:shop/compliance/customers-data-request", async (request, params) => {
    const input = await readBody(request, body.customerEventBody);
    store.requestCustomerData(params.shop!, idParam(input.customerId, "Customer"), input);
    return json({ ok: true });
  });
  on("POST", "/shops/:shop/compliance/customers-redact", async (request, params) => {
    const input = await readBody(request, body.customerEventBody);
    store.redactCustomer(params.shop!, idParam(input.customerId, "Customer"), input);
    return json({ ok: true });
  });
  on("POST", "/shops/:shop/compliance/shop-redact", async (request, params) => {
    store.redactShop(params.shop!, await readBody(request, body.atBody));
    return json({ ok: true });
  });
  on("POST", "/shops/:shop/access-tokens", (_r, params) => {
    const state = stateOf(params);
    const grant = ctx.tokens.issueOffline(state.shop.domain, state.shop.grantedScopes, false, new Date());
    return json({ accessToken: grant.token, scope: grant.scopes.join(",") }, 201);
  });

  on("GET", "/webhooks", (request) => {
    const query = new URL(request.url).searchParams;
    const filter: DeliveryFilter = {};
    if (query.get("topic")) filter.topic = query.get("topic")!;
    if (query.get("shop")) filter.shop = query.get("shop")!;
    if (query.get("state")) filter.state = query.get("state") as DeliveryState;
    if (query.get("eventId")) filter.eventId = query.get("eventId")!;
    return json({ mode: ctx.webhooks.mode, deliveries: ctx.webhooks.deliveries(filter) });
  });
  on("DELETE", "/webhooks", () => {
    ctx.webhooks.clear();
    return json({ ok: true });
  });
  on("POST", "/webhooks/mode", async (request) => json({ mode: ctx.webhooks.setMode(await readBody(request, body.deliveryModeBody)) }));
  on("POST", "/webhooks/release", () => json({ released: ctx.webhooks.release() }));
  on("POST", "/webhooks/resume", () => json({ released: ctx.webhooks.resume() }));
  on("POST", "/webhooks/flush-retries", async () => json({ retried: await ctx.webhooks.flushRetries() }));
  on("POST", "/webhooks/idle", async () => {
    await ctx.webhooks.idle();
    return json({ ok: true });
  });

  on("POST", "/session-tokens", async (request) => {
    const input = await readBody(request, body.sessionTokenBody);
    const state = store.state(input.shop);
    const token = await mintSessionToken(input, { apiKey: ctx.apiKey, apiSecret: ctx.apiSecret, ownerUserId: state.owner().id }, new Date());
    return json({ token });
  });
  on("POST", "/app-proxy/sign", async (request) => {
    const input = await readBody(request, body.proxySignBody);
    store.state(input.shop);
    return json({ url: signedProxyUrl(ctx, input) });
  });
  on("POST", "/seed", async (request) => json({ seeded: await runSeed(await readBody(request, body.seedBody)) }, 201));
}
