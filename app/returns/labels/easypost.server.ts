import { z } from "zod";
import { type CarrierLabelProvider, type LabelAddress, LabelProviderError, type LabelRequest, type PurchasedLabel } from "./provider";

/**
 * EasyPost's Shipments API (https://docs.easypost.com/docs/shipments): create a shipment with to/from
 * addresses and a parcel (`POST /v2/shipments`), which answers its rates; buy the cheapest
 * (`POST /v2/shipments/{id}/buy` with `{ rate: { id } }`), which answers `tracking_code` and
 * `postage_label.label_url`. Authentication is HTTP Basic with the API key as the user name. A key is checked by
 * listing one address (`GET /v2/addresses?page_size=1`), which any valid test or production key may do and which
 * costs nothing; a refused key answers 401 with EasyPost's error object.
 */

export interface EasyPostOptions {
  apiKey: string;
  /** https://api.easypost.com by default; tests point it at a local server speaking the same format. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const rateSchema = z.object({ id: z.string(), carrier: z.string(), service: z.string().nullish(), rate: z.string(), currency: z.string() });

const createdSchema = z.object({ id: z.string(), rates: z.array(rateSchema) });

const boughtSchema = z.object({
  id: z.string(),
  tracking_code: z.string().min(1),
  postage_label: z.object({ label_url: z.string().url() }),
  selected_rate: rateSchema,
  tracker: z.object({ public_url: z.string().nullish() }).nullish(),
});

const addressListSchema = z.object({ addresses: z.array(z.unknown()) });

const errorSchema = z.object({
  error: z.object({
    code: z.string().nullish(),
    message: z.string(),
    errors: z.array(z.object({ field: z.string().nullish(), message: z.string() })).nullish(),
  }),
});

export function easyPostProvider(options: EasyPostOptions): CarrierLabelProvider {
  const baseUrl = (options.baseUrl ?? "https://api.easypost.com").replace(/\/$/, "");
  const send = options.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:`).toString("base64")}`;

  async function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return call("POST", path, body, schema);
  }

  async function call<T>(method: "GET" | "POST", path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    try {
      response = await send(`${baseUrl}${path}`, {
        method,
        headers: { Authorization: authorization, Accept: "application/json", ...(method === "POST" ? { "Content-Type": "application/json" } : {}) },
        ...(method === "POST" ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new LabelProviderError(`EasyPost could not be reached: ${(error as Error).message}`, true);
    }
    const text = await response.text();
    const json = safeJson(text);
    if (!response.ok) {
      const parsed = errorSchema.safeParse(json);
      const details = parsed.success ? [parsed.data.error.message, ...(parsed.data.error.errors ?? []).map((error) => `${error.field ?? "request"}: ${error.message}`)].join("; ") : `HTTP ${response.status}`;
      throw new LabelProviderError(`EasyPost refused the request: ${details}`, response.status === 429 || response.status >= 500, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new LabelProviderError(`EasyPost answered an unexpected shape: ${z.prettifyError(parsed.error)}`, false, response.status);
    return parsed.data;
  }

  return {
    name: "easypost",
    async verifyCredentials(): Promise<void> {
      await call("GET", "/v2/addresses?page_size=1", null, addressListSchema);
    },
    async buyLabel(request: LabelRequest): Promise<PurchasedLabel> {
      const shipment = await post(
        "/v2/shipments",
        {
          shipment: {
            from_address: address(request.from),
            to_address: address(request.to),
            parcel: {
              weight: request.parcel.weightOz,
              ...(request.parcel.lengthIn ? { length: request.parcel.lengthIn } : {}),
              ...(request.parcel.widthIn ? { width: request.parcel.widthIn } : {}),
              ...(request.parcel.heightIn ? { height: request.parcel.heightIn } : {}),
            },
            reference: request.reference,
          },
        },
        createdSchema,
      );
      const cheapest = cheapestRate(shipment.rates);
      if (!cheapest) throw new LabelProviderError("EasyPost found no rate for this parcel between these addresses", false);
      const bought = await post(`/v2/shipments/${encodeURIComponent(shipment.id)}/buy`, { rate: { id: cheapest.id } }, boughtSchema);
      return {
        provider: "easypost",
        externalId: bought.id,
        carrier: bought.selected_rate.carrier,
        service: bought.selected_rate.service ?? null,
        trackingNumber: bought.tracking_code,
        trackingUrl: bought.tracker?.public_url ?? null,
        labelUrl: bought.postage_label.label_url,
        rate: { amount: bought.selected_rate.rate, currency: bought.selected_rate.currency },
      };
    },
  };
}

/** The lowest rate; rates are decimal text, compared exactly in hundredths of a cent. */
export function cheapestRate<Rate extends { rate: string }>(rates: readonly Rate[]): Rate | null {
  const units = (rate: string) => {
    const [whole = "0", fraction = ""] = rate.trim().split(".");
    return BigInt(whole) * 10_000n + BigInt((fraction + "0000").slice(0, 4));
  };
  const valid = rates.filter((rate) => /^\d+(\.\d+)?$/.test(rate.rate.trim()));
  return valid.reduce<Rate | null>((best, rate) => (best === null || units(rate.rate) < units(best.rate) ? rate : best), null);
}

function address(value: LabelAddress) {
  return {
    name: value.name,
    company: value.company ?? undefined,
    street1: value.street1,
    street2: value.street2 ?? undefined,
    city: value.city,
    state: value.state ?? undefined,
    zip: value.zip,
    country: value.country,
    phone: value.phone ?? undefined,
    email: value.email ?? undefined,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
