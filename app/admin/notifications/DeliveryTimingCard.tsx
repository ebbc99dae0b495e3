import {
  BlockStack,
  Card,
  Checkbox,
  InlineGrid,
  Text,
  TextField,
} from "@shopify/polaris";
import { CHANNELS, type Channel } from "~/notifications/channels";
import { fieldError } from "./field-errors";
import type { SettingsDraft } from "./settings-draft";

interface Props {
  draft: SettingsDraft;
  onQuietHours(patch: Partial<SettingsDraft["quietHours"]>): void;
  onCoalesce(value: string): void;
  onFollowUpDays(value: string): void;
  fieldErrors?: Record<string, string[]>;
}

const CHANNEL_LABELS: Record<Channel, string> = { email: "Email", sms: "SMS" };

/** Quiet hours (in the shopper's time zone), how long split parcels wait for each other and when the follow-up goes. */
export function DeliveryTimingCard({
  draft,
  onQuietHours,
  onCoalesce,
  onFollowUpDays,
  fieldErrors,
}: Props) {
  const { quietHours } = draft;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timing
        </Text>
        <Checkbox
          label="Hold messages during quiet hours (shopper's local time)"
          checked={quietHours.enabled}
          onChange={(enabled) => onQuietHours({ enabled })}
        />
        <InlineGrid columns={2} gap="300">
          <TextField
            label="Quiet from"
            autoComplete="off"
            value={quietHours.start}
            onChange={(start) => onQuietHours({ start })}
            error={fieldError(fieldErrors, "quietHours.start")}
          />
          <TextField
            label="Quiet until"
            autoComplete="off"
            value={quietHours.end}
            onChange={(end) => onQuietHours({ end })}
            error={fieldError(fieldErrors, "quietHours.end")}
          />
        </InlineGrid>
        <InlineGrid columns={2} gap="300">
          {CHANNELS.map((channel) => (
            <Checkbox
              key={channel}
              label={`Quiet hours apply to ${CHANNEL_LABELS[channel]}`}
              checked={quietHours.channels.includes(channel)}
              onChange={(on) =>
                onQuietHours({
                  channels: on
                    ? [...quietHours.channels, channel]
                    : quietHours.channels.filter((other) => other !== channel),
                })
              }
            />
          ))}
        </InlineGrid>
        <TextField
          label="Wait for sibling parcels (minutes)"
          helpText="Parcels of one order shipped or delivered within this window get one message."
          autoComplete="off"
          value={draft.coalesceMinutes}
          onChange={onCoalesce}
          error={fieldError(fieldErrors, "coalesceMinutes")}
        />
        <TextField
          label="Follow-up after delivery (days)"
          helpText="The follow-up goes this many days after the last parcel of an order is delivered, unless a return started or the order was cancelled. Switch it on under Triggers and channels."
          autoComplete="off"
          value={draft.followUpDays}
          onChange={onFollowUpDays}
          error={fieldError(fieldErrors, "followUpDays")}
        />
      </BlockStack>
    </Card>
  );
}
