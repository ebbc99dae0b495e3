import { describe, expect, it } from "vitest";
import { proxyRequest } from "~/tracking-page/__tests__/proxy-requests";
import { handleReturnStep } from "../portal.server";

/** A body sent in chunks without a Content-Length, as a chunked upload arrives. */
function chunkedBody(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe("the return portal's form size limit", () => {
  it("GIVEN a chunked body over 60 MB without a Content-Length WHEN a step is posted THEN 413, before anything else is read", async () => {
    const signed = proxyRequest("limits.myshopify.com", "/returns/1001", { customerId: "1" });
    const request = new Request(signed.url, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: chunkedBody(61 * 1024 * 1024),
      duplex: "half",
    } as RequestInit);

    const response = await handleReturnStep(request, "1001", {} as never);

    expect(response.status).toBe(413);
    expect(await response.text()).toBe("The form is too large");
  });
});
