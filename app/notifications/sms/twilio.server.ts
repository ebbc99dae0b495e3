import { z } from "zod";
import { DeliveryError } from "../delivery-error";

/** An SMS ready for the provider. */
export interface OutgoingSms {
  /** E.164. */
  to: string;
  body: string;
  /** Where the provider reports delivery status changes. */
  statusCallback?: string;
}

export interface SmsSender {
  /** Hands the SMS to the provider; throws DeliveryError when it is not accepted. */
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
}

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** A sender number (E.164) or a Messaging Service; one of them. */
  from?: string;
  messagingServiceSid?: string;
  /** https://api.twilio.com, or a local fake with the same wire format. */
  apiUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

// The Message resource as created (201), and Twilio's error body, as documented for the 2010-04-01 API.
const createdMessageSchema = z.object({ sid: z.string().min(1), status: z.string() });
const errorBodySchema = z.object({ code: z.number().nullish(), message: z.string(), more_info: z.string().nullish(), status: z.number().nullish() });

/** A Twilio-compatible SMS sender: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, Basic auth. */
export function twilioSender(config: TwilioConfig): SmsSender {
  const doFetch = config.fetch ?? fetch;
  const endpoint = new URL(`/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`, config.apiUrl);
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  return {
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, Body: sms.body });
      if (config.messagingServiceSid) form.set("MessagingServiceSid", config.messagingServiceSid);
      else if (config.from) form.set("From", config.from);
      if (sms.statusCallback) form.set("StatusCallback", sms.statusCallback);
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: form,
          signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new DeliveryError(`sms: could not reach the provider (${(error as Error).message})`, true, { cause: error });
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        const created = createdMessageSchema.safeParse(body);
        if (!created.success) throw new DeliveryError(`sms: the provider answered ${response.status} without a message sid`, true);
        return { providerMessageId: created.data.sid };
      }
      throw providerFailure(response.status, body);
    },
  };
}

/** 429 and 5xx may pass later; any other 4xx (bad number, unverified sender, blocked recipient) never will. */
function providerFailure(status: number, body: unknown): DeliveryError {
  const error = errorBodySchema.safeParse(body);
  const detail = error.success ? `${error.data.code ?? status} ${error.data.message}` : `HTTP ${status}`;
  return new DeliveryError(`sms: ${detail}`.slice(0, 500), status === 429 || status >= 500);
}
