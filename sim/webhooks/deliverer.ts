import { randomUUID } from "node:crypto";
import type { WebhookSubscription } from "../config/app-config.ts";
import { DELIVERY_TIMEOUT_MS, NORMAL_MODE, SHOPIFY_RETRY_DELAYS_MS, type DeliveryMode } from "./delivery-mode.ts";
import { toShopifyJson } from "./json.ts";
import { webhookHmac } from "./signing.ts";
import type { TopicMessage } from "./topics.ts";

export type DeliveryState = "queued" | "held" | "in_flight" | "delivered" | "retry_scheduled" | "failed" | "dropped";

export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or null when the request failed or timed out. */
  status: number | null;
  durationMs: number;
  error?: string;
}

/** One webhook to one subscription (one copy of it, in duplicate mode). */
export interface WebhookDelivery {
  sequence: number;
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  url: string;
  apiVersion: string;
  triggeredAt: string;
  /** Raw JSON as sent; ids are bare integers, so parse it losslessly. */
  body: string;
  copy: number;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
}

export interface DeliveryFilter {
  topic?: string;
  shop?: string;
  state?: DeliveryState;
  eventId?: string;
}

export interface WebhookDelivererOptions {
  apiSecret: string;
  subscriptions: WebhookSubscription[];
  apiVersion: string;
  retryDelaysMs?: number[];
  timeoutMs?: number;
  /** Deliveries in flight at once; 1 (the default) keeps the order events happened in. */
  concurrency?: number;
  clock?: () => Date;
}

function pick(payload: unknown, fields: string[] | undefined): unknown {
  if (!fields || typeof payload !== "object" || payload === null) return payload;
  return Object.fromEntries(Object.entries(payload).filter(([key]) => fields.includes(key)));
}

/**
 * Sends webhooks as Shopify does: signed POSTs, a 5 s timeout, retries on any non-2xx, every attempt
 * recorded. Deliveries go out one at a time in the order events happened unless a mode says otherwise.
 */
export class WebhookDeliverer {
  private readonly records: WebhookDelivery[] = [];
  private readonly queue: WebhookDelivery[] = [];
  private held: WebhookDelivery[] = [];
  private readonly retryTimers = new Map<WebhookDelivery, NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  private inFlight = 0;
  private sequence = 0;
  private currentMode: DeliveryMode = { ...NORMAL_MODE };
  private closed = false;

  constructor(private readonly options: WebhookDelivererOptions) {}

  get mode(): DeliveryMode {
    return { ...this.currentMode };
  }

  /** Changes failure modes; turning `shuffle` or `paused` off releases what was held. */
  setMode(change: Partial<DeliveryMode>): DeliveryMode {
    const wasHolding = this.currentMode.shuffle || this.currentMode.paused;
    this.currentMode = { ...this.currentMode, ...change };
    if (wasHolding && !this.currentMode.shuffle && !this.currentMode.paused) this.releaseHeld(change.shuffle === false);
    return this.mode;
  }

  /** Queues the topics of one store event for every subscription that wants them. */
  enqueue(shop: string, eventId: string, occurredAt: Date, messages: TopicMessage[]): WebhookDelivery[] {
    const created: WebhookDelivery[] = [];
    for (const message of messages) {
      for (const subscription of this.options.subscriptions.filter((s) => s.topics.includes(message.topic))) {
        const webhookId = randomUUID();
        const body = toShopifyJson(pick(message.payload, subscription.includeFields));
        for (let copy = 1; copy <= Math.max(1, this.currentMode.duplicate); copy++) {
          const delivery: WebhookDelivery = {
            sequence: ++this.sequence,
            webhookId,
            eventId,
            topic: message.topic,
            shop,
            url: subscription.url,
            apiVersion: this.options.apiVersion,
            triggeredAt: occurredAt.toISOString(),
            body,
            copy,
            state: "queued",
            attempts: [],
            nextAttemptAt: null,
          };
          this.records.push(delivery);
          created.push(delivery);
          this.route(delivery);
        }
      }
    }
    this.pump();
    return created;
  }

  private route(delivery: WebhookDelivery): void {
    const drop = this.currentMode.drop;
    if (drop === true || (typeof drop === "number" && drop > 0)) {
      if (typeof drop === "number") this.currentMode.drop = drop - 1;
      delivery.state = "dropped";
      return;
    }
    if (this.currentMode.shuffle || this.currentMode.paused) {
      delivery.state = "held";
      this.held.push(delivery);
      return;
    }
    this.queue.push(delivery);
  }

  /** Sends what shuffle mode held, in random order. */
  release(): number {
    return this.releaseHeld(true);
  }

  /** Ends a pause: sends what was held, in order. */
  resume(): number {
    this.currentMode.paused = false;
    return this.releaseHeld(this.currentMode.shuffle);
  }

  private releaseHeld(shuffled: boolean): number {
    const batch = this.held;
    this.held = [];
    if (shuffled) {
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
    }
    for (const delivery of batch) {
      delivery.state = "queued";
      this.queue.push(delivery);
    }
    this.pump();
    return batch.length;
  }

  /** Runs every scheduled retry now instead of waiting out Shopify's back-off. */
  async flushRetries(): Promise<number> {
    const due = [...this.retryTimers.keys()];
    for (const delivery of due) {
      clearTimeout(this.retryTimers.get(delivery));
      this.retryTimers.delete(delivery);
      delivery.state = "queued";
      delivery.nextAttemptAt = null;
      this.queue.push(delivery);
    }
    this.pump();
    await this.idle();
    return due.length;
  }

  /** Resolves when nothing is queued or being sent (held webhooks and scheduled retries wait). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Like idle(), but also waits out scheduled retries; only sensible with short test retry delays. */
  async settled(): Promise<void> {
    for (;;) {
      await this.idle();
      if (this.retryTimers.size === 0 || this.closed) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  deliveries(filter: DeliveryFilter = {}): WebhookDelivery[] {
    return this.records.filter(
      (d) =>
        (!filter.topic || d.topic === filter.topic) &&
        (!filter.shop || d.shop === filter.shop) &&
        (!filter.state || d.state === filter.state) &&
        (!filter.eventId || d.eventId === filter.eventId),
    );
  }

  /** Forgets recorded deliveries that are finished (delivered, failed, dropped). */
  clear(): void {
    const finished = new Set<DeliveryState>(["delivered", "failed", "dropped"]);
    const keep = this.records.filter((d) => !finished.has(d.state));
    this.records.length = 0;
    this.records.push(...keep);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    this.queue.length = 0;
    this.notifyIdle();
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0;
  }

  private notifyIdle(): void {
    if (!this.isIdle() && !this.closed) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pump(): void {
    // By default one at a time, which keeps the order events happened in; Shopify gives no ordering
    // guarantee, which shuffle mode and higher concurrency exercise.
    const limit = Math.max(1, this.options.concurrency ?? 1);
    while (!this.closed && this.inFlight < limit) {
      const next = this.queue.shift();
      if (!next) break;
      this.inFlight++;
      void this.attempt(next).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
    this.notifyIdle();
  }

  private async attempt(delivery: WebhookDelivery): Promise<void> {
    delivery.state = "in_flight";
    const startedAt = this.options.clock?.() ?? new Date();
    const started = performance.now();
    let status: number | null = null;
    let error: string | undefined;
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Shopify-Captain-Hook",
          Accept: "*/*",
          "X-Shopify-Topic": delivery.topic,
          "X-Shopify-Hmac-Sha256": webhookHmac(this.options.apiSecret, delivery.body),
          "X-Shopify-Shop-Domain": delivery.shop,
          "X-Shopify-API-Version": delivery.apiVersion,
          "X-Shopify-Webhook-Id": delivery.webhookId,
          "X-Shopify-Event-Id": delivery.eventId,
          "X-Shopify-Triggered-At": delivery.triggeredAt,
        },
        body: delivery.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (caught) {
      error = caught instanceof Error ? (caught.name === "TimeoutError" ? "timeout" : caught.message) : String(caught);
    }
    const attempt: DeliveryAttempt = { at: startedAt.toISOString(), status, durationMs: Math.round(performance.now() - started) };
    if (error) attempt.error = error;
    delivery.attempts.push(attempt);
    if (status !== null && status >= 200 && status < 300) {
      delivery.state = "delivered";
      return;
    }
    this.scheduleRetry(delivery);
  }

  private scheduleRetry(delivery: WebhookDelivery): void {
    const delays = this.options.retryDelaysMs ?? SHOPIFY_RETRY_DELAYS_MS;
    const delay = delays[delivery.attempts.length - 1];
    if (delay === undefined || this.closed) {
      delivery.state = "failed";
      return;
    }
    delivery.state = "retry_scheduled";
    delivery.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    const timer = setTimeout(() => {
      this.retryTimers.delete(delivery);
      delivery.state = "queued";
      delivery.nextAttemptAt = null;
      this.queue.push(delivery);
      this.pump();
    }, delay);
    timer.unref();
    this.retryTimers.set(delivery, timer);
  }
}
