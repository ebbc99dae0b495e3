import type { NumericId } from "./ids.ts";
import type { SimStore } from "./store.ts";

/** The merchant removing the app: `app/uninstalled`; access tokens stop working. */
export function uninstallApp(store: SimStore, domain: string, input: { at?: Date } = {}): void {
  const state = store.state(domain);
  const at = store.now(input.at);
  state.shop.installed = false;
  store.emit(domain, { kind: "app.uninstalled" }, at);
}

/** Installing (or reinstalling) through Shopify-managed installation; emits nothing, as Shopify. */
export function installApp(store: SimStore, domain: string, scopes: string[]): void {
  const state = store.state(domain);
  state.shop.installed = true;
  state.shop.grantedScopes = scopes;
}

/** The merchant granting or revoking optional scopes: `app/scopes_update`. */
export function updateScopes(store: SimStore, domain: string, scopes: string[], input: { at?: Date } = {}): void {
  const state = store.state(domain);
  const previous = state.shop.grantedScopes;
  state.shop.grantedScopes = scopes;
  store.emit(domain, { kind: "app.scopes_updated", previous, current: scopes }, store.now(input.at));
}

/** GDPR: a customer asks for their data (`customers/data_request`). */
export function requestCustomerData(store: SimStore, domain: string, customerId: NumericId, input: { at?: Date } = {}): void {
  store.state(domain).customer(customerId);
  store.emit(domain, { kind: "customers.data_request", customerId, dataRequestId: store.ids.allocate() }, store.now(input.at));
}

/** GDPR: erase a customer (`customers/redact`); Shopify sends it 10 days after the request, we send now. */
export function redactCustomer(store: SimStore, domain: string, customerId: NumericId, input: { at?: Date } = {}): void {
  store.state(domain).customer(customerId);
  store.emit(domain, { kind: "customers.redact", customerId }, store.now(input.at));
}

/** GDPR: erase the shop's data (`shop/redact`); Shopify sends it 48 h after uninstall, we send on demand. */
export function redactShop(store: SimStore, domain: string, input: { at?: Date } = {}): void {
  store.state(domain);
  store.emit(domain, { kind: "shop.redact" }, store.now(input.at));
}
