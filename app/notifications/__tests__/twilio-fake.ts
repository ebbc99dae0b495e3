import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_ACCOUNT_SID = `AC${"a".repeat(32)}`;
export const FAKE_AUTH_TOKEN = "fake-auth-token-0123456789";

/** What the fake answers: created (201), Twilio's 400 for a bad number, a 500, or a 429. */
export type FakeMode = "accept" | "invalid_number" | "server_error" | "rate_limited";

export interface TwilioFake {
  url: string;
  mode: FakeMode;
  /** Every request's form fields and whether its Basic auth was right. */
  requests: { form: Record<string, string>; authorised: boolean; path: string }[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * A local stand-in for Twilio's Messages API that speaks its wire format: form-encoded POST to
 * /2010-04-01/Accounts/{AccountSid}/Messages.json with Basic auth, JSON Message resource or error body back.
 */
export async function startTwilioFake(): Promise<TwilioFake> {
  const fake = { mode: "accept" as FakeMode, requests: [] as TwilioFake["requests"] };
  let counter = 0;
  const server = createServer(async (request, response) => {
    const form = Object.fromEntries(new URLSearchParams(await readBody(request)));
    const expectedAuth = `Basic ${Buffer.from(`${FAKE_ACCOUNT_SID}:${FAKE_AUTH_TOKEN}`).toString("base64")}`;
    const authorised = request.headers.authorization === expectedAuth;
    fake.requests.push({ form, authorised, path: request.url ?? "" });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "POST" || request.url !== `/2010-04-01/Accounts/${FAKE_ACCOUNT_SID}/Messages.json`) return send(404, { code: 20404, message: "The requested resource was not found", more_info: "https://www.twilio.com/docs/errors/20404", status: 404 });
    if (!authorised) return send(401, { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
    if (fake.mode === "invalid_number") return send(400, { code: 21211, message: `The 'To' number ${form.To} is not a valid phone number.`, more_info: "https://www.twilio.com/docs/errors/21211", status: 400 });
    if (fake.mode === "server_error") return send(500, { code: 20500, message: "Internal Server Error", more_info: "https://www.twilio.com/docs/errors/20500", status: 500 });
    if (fake.mode === "rate_limited") return send(429, { code: 20429, message: "Too Many Requests", more_info: "https://www.twilio.com/docs/errors/20429", status: 429 });
    counter += 1;
    send(201, {
      sid: `SM${String(counter).padStart(32, "0")}`,
      account_sid: FAKE_ACCOUNT_SID,
      to: form.To,
      from: form.From ?? null,
      messaging_service_sid: form.MessagingServiceSid ?? null,
      body: form.Body,
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      error_code: null,
      error_message: null,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
