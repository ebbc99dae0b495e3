import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedWebhook {
  topic: string;
  body: string;
}

/** Stands in for our webhook route: records what the stand-in delivers and answers 200. */
export class WebhookRecorder {
  readonly received: RecordedWebhook[] = [];
  url = "";
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const topic = request.headers["x-shopify-topic"];
        if (typeof topic === "string") this.received.push({ topic, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Everything recorded so far, and forgets it. */
  take(): RecordedWebhook[] {
    return this.received.splice(0);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
