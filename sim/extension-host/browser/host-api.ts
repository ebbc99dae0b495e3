/**
 * The `shopify` global a checkout (thank-you) or customer-account (order status) UI extension finds when
 * Shopify runs it: the order, a session-token source, the buyer's locale (`i18n` over the extension's own
 * locale file) and the merchant's settings. Only what the stand-in serves; plain code, so it runs in the
 * host page and in node tests alike.
 */

export type HostSurface = "thank_you" | "order_status";

export interface HostConfig {
  surface: HostSurface;
  /** The order's gid (gid://shopify/Order/…). */
  orderId: string;
  orderName: string;
  /** The buyer's locale, e.g. "en" or "de-CH". */
  locale: string;
  /** The extension's locale file for that locale (falls back to the default one on the server). */
  translations: Record<string, unknown>;
  /** Where a fresh session token is minted (POST → `{ token }`), as Shopify mints one per `get()`. */
  sessionTokenUrl: string;
  settings?: Record<string, unknown>;
}

/** A read-only signal as the host hands them out (`.value`, `.subscribe`). */
export interface HostSignal<T> {
  readonly value: T;
  subscribe(listener: (value: T) => void): () => void;
}

function signal<T>(value: T): HostSignal<T> {
  return { value, subscribe: () => () => undefined };
}

/** Shopify's translate: a dotted key of the locale file, `{{name}}` replaced, a `count` picking the plural form. */
export function translator(translations: Record<string, unknown>, locale: string) {
  const plurals = new Intl.PluralRules(locale);
  return (key: string, options: Record<string, unknown> = {}): string => {
    let entry: unknown = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), translations);
    if (entry && typeof entry === "object" && typeof options.count === "number") {
      const forms = entry as Record<string, unknown>;
      entry = forms[plurals.select(options.count)] ?? forms.other;
    }
    if (typeof entry !== "string") return key;
    return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
  };
}

/** The extension API for the configured surface's target. */
export function createHostApi(config: HostConfig, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  const orderNumber = config.orderId.slice(config.orderId.lastIndexOf("/") + 1);
  const common = {
    extension: { target: config.surface === "thank_you" ? "purchase.thank-you.block.render" : "customer-account.order-status.block.render" },
    localization: { language: signal({ isoCode: config.locale }) },
    settings: signal(config.settings ?? {}),
    sessionToken: {
      async get(): Promise<string> {
        const response = await fetchImpl(config.sessionTokenUrl, { method: "POST" });
        if (!response.ok) throw new Error(`session token refused (${response.status})`);
        return ((await response.json()) as { token: string }).token;
      },
    },
    i18n: {
      translate: translator(config.translations, config.locale),
      formatCurrency: (amount: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(config.locale, { style: "currency", currency: "USD", ...options }).format(amount),
      formatNumber: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(config.locale, options).format(value),
      formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(config.locale, options).format(date),
    },
  };
  // The thank-you page knows the order only by its identity (the order may still be being created).
  return config.surface === "thank_you"
    ? { ...common, orderConfirmation: signal({ order: { id: `gid://shopify/OrderIdentity/${orderNumber}` }, number: config.orderName }) }
    : { ...common, order: signal({ id: config.orderId, name: config.orderName }) };
}
