import type { ReturnDraft, ReturnOrderResponse, ReturnPhotoResponse, ReturnPreviewResponse, ReturnProblemResponse, ReturnStatusResponse, ReturnStep, ReturnsHost } from "./contract";

/** The backend refused (422 with messages for the shopper) or failed (anything else: expired session, outage). */
export class ReturnRequestFailed extends Error {
  constructor(
    readonly status: number,
    readonly problem: ReturnProblemResponse | null,
  ) {
    super(`return request failed with ${status}`);
  }

  /** The messages the shopper can act on, one per problem; empty when only trying again can help. */
  get messages(): string[] {
    return this.status === 422 ? Object.values(this.problem?.fieldErrors ?? {}).flat() : [];
  }
}

/** Calls the app's return endpoints (app/returns/account/contract.ts) with the customer's session token. */
export function returnsClient(appUrl: string, host: ReturnsHost, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  const call = async <T>(path: string, fits: (body: T) => boolean, init: RequestInit = {}, json?: unknown): Promise<T> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${await host.getSessionToken()}` };
    if (json !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetchImpl(`${appUrl}/api/returns/${path}`, { ...init, headers, body: json === undefined ? init.body : JSON.stringify(json) });
    const body = (await response.json().catch(() => null)) as T | ReturnProblemResponse | null;
    // A schema library would double the bundle; an answer without the fields the views read counts as a failure.
    if (!response.ok || !body || typeof body !== "object" || !fits(body as T)) throw new ReturnRequestFailed(response.status, response.ok ? null : (body as ReturnProblemResponse | null));
    return body as T;
  };
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...extra, locale: host.locale }).toString();
  const post = <T>(path: string, fits: (body: T) => boolean, body: object) => call<T>(path, fits, { method: "POST" }, { orderId: host.orderId, locale: host.locale, ...body });
  const isStatus = (body: ReturnStatusResponse) => typeof body.returnId === "string" && Array.isArray(body.timeline) && Array.isArray(body.items);
  return {
    order: () => call<ReturnOrderResponse>(`order?${query({ orderId: host.orderId })}`, (body) => Array.isArray(body.lines) && Array.isArray(body.reasons) && Array.isArray(body.existingReturns)),
    preview: (step: ReturnStep, draft: ReturnDraft) => post<ReturnPreviewResponse>("preview", (body) => typeof body.next === "string", { step, draft }),
    submit: (idempotencyKey: string, draft: ReturnDraft) => post<ReturnStatusResponse>("submit", isStatus, { idempotencyKey, draft }),
    status: (returnId: string) => call<ReturnStatusResponse>(`status?${query({ returnId })}`, isStatus),
    photo: (file: File) => {
      const form = new FormData();
      form.set("orderId", host.orderId);
      form.set("photo", file);
      return call<ReturnPhotoResponse>("photos", (body) => typeof body.key === "string", { method: "POST", body: form });
    },
  };
}

export type ReturnsClient = ReturnType<typeof returnsClient>;
