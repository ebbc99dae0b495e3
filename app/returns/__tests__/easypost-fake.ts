/**
 * EasyPost's API as a fetch function for tests, in its documented wire format: HTTP Basic with the API key as user
 * name; `GET /v2/addresses` lists addresses; `POST /v2/shipments` answers rates and `POST /v2/shipments/{id}/buy` the
 * bought label; an unknown key is 401 with EasyPost's error object. Any other URL fails the test.
 */
export interface EasyPostCall {
  method: string;
  path: string;
  apiKey: string;
  body: unknown;
}

export function easyPostFake(options: { validKeys: readonly string[]; baseUrl?: string }) {
  const baseUrl = options.baseUrl ?? "https://api.easypost.com";
  const calls: EasyPostCall[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    if (url.origin !== new URL(baseUrl).origin) throw new Error(`unexpected outbound fetch to ${url.toString()}`);
    const authorization = new Headers(init?.headers).get("authorization") ?? "";
    const apiKey = Buffer.from(authorization.replace(/^Basic /, ""), "base64").toString("utf8").replace(/:$/, "");
    const method = init?.method ?? "GET";
    calls.push({ method, path: `${url.pathname}${url.search}`, apiKey, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (!options.validKeys.includes(apiKey)) {
      return json(401, { error: { code: "APIKEY.INACTIVE", message: "This api key is no longer active. Please use a different api key or reactivate this key.", errors: [] } });
    }
    if (method === "GET" && url.pathname === "/v2/addresses") return json(200, { addresses: [], has_more: false });
    if (method === "POST" && url.pathname === "/v2/shipments") {
      return json(201, { id: "shp_fake", object: "Shipment", rates: [{ id: "rate_usps", object: "Rate", carrier: "USPS", service: "GroundAdvantage", rate: "7.58", currency: "USD" }] });
    }
    if (method === "POST" && url.pathname === "/v2/shipments/shp_fake/buy") {
      return json(200, {
        id: "shp_fake",
        object: "Shipment",
        tracking_code: "9400100000000000000099",
        postage_label: { object: "PostageLabel", label_url: "https://easypost-files.s3.amazonaws.com/files/postage_label/fake.png" },
        selected_rate: { id: "rate_usps", object: "Rate", carrier: "USPS", service: "GroundAdvantage", rate: "7.58", currency: "USD" },
        tracker: { id: "trk_fake", public_url: "https://track.easypost.com/fake" },
      });
    }
    return json(404, { error: { code: "NOT_FOUND", message: "The requested resource could not be found.", errors: [] } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}
