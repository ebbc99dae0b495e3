import type { Channel } from "./channels";
import type { QuietHours } from "./preferences";
import { afterQuietHours } from "./quiet-hours";

const MINUTE_MS = 60_000;

export interface SendTimeInput {
  /** When the cause happened. */
  occurredAt: Date;
  now: Date;
  /** The trigger's configured delay. */
  delayMinutes: number;
  /** Extra wait for sibling parcels to catch up (split-shipment coalescing); 0 for most milestones. */
  holdMinutes: number;
  quietHours: QuietHours;
  channel: Channel;
  /** The shopper's IANA time zone. */
  timeZone: string;
}

/**
 * When a message may go out: the cause plus the trigger's delay and any coalescing hold (never in the past),
 * then moved past the shopper's quiet hours.
 */
export function sendTimeFor(input: SendTimeInput): Date {
  const due = input.occurredAt.getTime() + (input.delayMinutes + input.holdMinutes) * MINUTE_MS;
  return afterQuietHours(new Date(Math.max(due, input.now.getTime())), input.quietHours, input.channel, input.timeZone);
}
