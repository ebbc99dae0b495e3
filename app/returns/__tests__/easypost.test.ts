import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { httpStatusOf } from "~/errors";
import { cheapestRate, easyPostProvider } from "../labels/easypost.server";
import { LabelProviderError, type LabelRequest } from "../labels/provider";

/** A local server speaking EasyPost's documented Shipments wire format. */
interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

let server: Server;
let baseUrl = "";
const recorded: Recorded[] = [];
let nextCreate: { status: number; body: unknown };
let nextBuy: { status: number; body: unknown };

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const RATES = [
  { id: "rate_ups", object: "Rate", carrier: "UPS", service: "Ground", rate: "9.12", currency: "USD" },
  { id: "rate_usps", object: "Rate", carrier: "USPS", service: "GroundAdvantage", rate: "7.58", currency: "USD" },
  { id: "rate_fedex", object: "Rate", carrier: "FedEx", service: "FEDEX_GROUND", rate: "10.00", currency: "USD" },
];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    recorded.push({ method: request.method!, path: request.url!, authorization: request.headers.authorization, body });
    const answer = request.url === "/v2/shipments" ? nextCreate : nextBuy;
    response.writeHead(answer.status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  recorded.length = 0;
  nextCreate = { status: 201, body: { id: "shp_123", object: "Shipment", rates: RATES } };
  nextBuy = {
    status: 200,
    body: {
      id: "shp_123",
      object: "Shipment",
      tracking_code: "9400100000000000000000",
      postage_label: { object: "PostageLabel", label_url: "https://easypost-files.s3.amazonaws.com/files/postage_label/label.png" },
      selected_rate: RATES[1],
      tracker: { id: "trk_1", public_url: "https://track.easypost.com/djE6dHJrXzE" },
    },
  };
});

const REQUEST: LabelRequest = {
  from: { name: "Zoë Müller", street1: "417 Montgomery St", city: "San Francisco", state: "CA", zip: "94104", country: "US" },
  to: { name: "Outfitters Returns", company: "Outfitters", street1: "1 Warehouse Way", city: "Reno", state: "NV", zip: "89501", country: "US", phone: "+17755550100" },
  parcel: { weightOz: 16, lengthIn: 10, widthIn: 8, heightIn: 4 },
  reference: "#1001-R1",
};

describe("EasyPost label adapter", () => {
  it("GIVEN three rates WHEN a label is bought THEN it creates the shipment, buys the cheapest and returns its tracking code and label URL", async () => {
    const provider = easyPostProvider({ apiKey: "EZTK_test", baseUrl });

    const label = await provider.buyLabel(REQUEST);

    expect(label).toEqual({
      provider: "easypost",
      externalId: "shp_123",
      carrier: "USPS",
      service: "GroundAdvantage",
      trackingNumber: "9400100000000000000000",
      trackingUrl: "https://track.easypost.com/djE6dHJrXzE",
      labelUrl: "https://easypost-files.s3.amazonaws.com/files/postage_label/label.png",
      rate: { amount: "7.58", currency: "USD" },
    });
    expect(recorded.map(({ method, path }) => `${method} ${path}`)).toEqual(["POST /v2/shipments", "POST /v2/shipments/shp_123/buy"]);
    expect(recorded[0]!.authorization).toBe(`Basic ${Buffer.from("EZTK_test:").toString("base64")}`);
    expect(recorded[0]!.body).toEqual({
      shipment: {
        from_address: { name: "Zoë Müller", street1: "417 Montgomery St", city: "San Francisco", state: "CA", zip: "94104", country: "US" },
        to_address: { name: "Outfitters Returns", company: "Outfitters", street1: "1 Warehouse Way", city: "Reno", state: "NV", zip: "89501", country: "US", phone: "+17755550100" },
        parcel: { weight: 16, length: 10, width: 8, height: 4 },
        reference: "#1001-R1",
      },
    });
    expect(recorded[1]!.body).toEqual({ rate: { id: "rate_usps" } });
  });

  it("GIVEN EasyPost refuses an address WHEN a label is bought THEN LabelProviderError carries their message, is not retryable and maps to 502", async () => {
    nextCreate = {
      status: 422,
      body: { error: { code: "ADDRESS.VERIFY.FAILURE", message: "Unable to verify address.", errors: [{ field: "zip", message: "Invalid zip" }] } },
    };

    const failure = easyPostProvider({ apiKey: "k", baseUrl }).buyLabel(REQUEST);

    await expect(failure).rejects.toBeInstanceOf(LabelProviderError);
    await expect(failure).rejects.toMatchObject({ message: "EasyPost refused the request: Unable to verify address.; zip: Invalid zip", retryable: false, status: 422 });
    await failure.catch((error) => expect(httpStatusOf(error)).toBe(502));
  });

  it.each([
    [503, true],
    [429, true],
    [401, false],
  ])("GIVEN EasyPost answers HTTP %i WHEN a label is bought THEN retryable is %s", async (status, retryable) => {
    nextCreate = { status, body: { error: { code: "X", message: "nope" } } };

    await expect(easyPostProvider({ apiKey: "k", baseUrl }).buyLabel(REQUEST)).rejects.toMatchObject({ retryable, status });
  });

  it("GIVEN no rates WHEN a label is bought THEN it says so and buys nothing", async () => {
    nextCreate = { status: 201, body: { id: "shp_9", rates: [] } };

    await expect(easyPostProvider({ apiKey: "k", baseUrl }).buyLabel(REQUEST)).rejects.toThrow("EasyPost found no rate");
    expect(recorded).toHaveLength(1);
  });

  it("GIVEN a bought shipment without a label WHEN a label is bought THEN it is an unexpected-shape error", async () => {
    nextBuy = { status: 200, body: { id: "shp_123", tracking_code: "X" } };

    await expect(easyPostProvider({ apiKey: "k", baseUrl }).buyLabel(REQUEST)).rejects.toThrow("EasyPost answered an unexpected shape");
  });

  it("GIVEN an unreachable server WHEN a label is bought THEN it is a retryable LabelProviderError", async () => {
    await expect(easyPostProvider({ apiKey: "k", baseUrl: "http://127.0.0.1:1" }).buyLabel(REQUEST)).rejects.toMatchObject({ retryable: true });
  });

  it.each([
    [["9.12", "7.58", "10.00"], "7.58"],
    [["7.5", "7.49"], "7.49"],
    [["10.00", "9.99"], "9.99"],
    [["abc", "3.00"], "3.00"],
  ])("GIVEN rates %j THEN the cheapest is %s", (rates, cheapest) => {
    expect(cheapestRate(rates.map((rate) => ({ rate })))?.rate).toBe(cheapest);
  });
});
