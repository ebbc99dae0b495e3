import { UpstreamServiceError } from "~/errors";

/**
 * Carrier-label providers: something that sells a prepaid return label for a parcel between two addresses.
 * Adapters translate their wire format; the returns service only sees these types.
 */

export interface LabelAddress {
  name: string;
  company?: string | null;
  street1: string;
  street2?: string | null;
  city: string;
  state?: string | null;
  zip: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string | null;
  email?: string | null;
}

/** Parcel size in inches and weight in ounces, as US carriers and EasyPost quote them. */
export interface LabelParcel {
  weightOz: number;
  lengthIn?: number;
  widthIn?: number;
  heightIn?: number;
}

export interface LabelRequest {
  /** The shopper, who sends the parcel back. */
  from: LabelAddress;
  /** The merchant's returns address. */
  to: LabelAddress;
  parcel: LabelParcel;
  /** Shown on the label and in the provider's dashboard (the return's name). */
  reference: string;
}

/** A bought label. Money is decimal text. */
export interface PurchasedLabel {
  provider: string;
  externalId: string;
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  labelUrl: string;
  rate: { amount: string; currency: string };
}

export interface CarrierLabelProvider {
  readonly name: string;
  /** Buys the cheapest label for the parcel; throws LabelProviderError with the provider's message. */
  buyLabel(request: LabelRequest): Promise<PurchasedLabel>;
  /**
   * Makes a harmless authenticated call, for providers that allow one: resolves when the credentials are accepted,
   * throws LabelProviderError (status 401/403 when they are refused, `retryable` when the provider could not say).
   */
  verifyCredentials?(): Promise<void>;
}

/** The provider refused or failed; `retryable` when trying again later can help (their 5xx, rate limit, network). */
export class LabelProviderError extends UpstreamServiceError {
  override readonly code: string = "label_provider_error";
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}
