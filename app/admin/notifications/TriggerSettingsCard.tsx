import {
  BlockStack,
  Card,
  Checkbox,
  InlineGrid,
  Text,
  TextField,
} from "@shopify/polaris";
import { TRIGGER_LABELS } from "~/notifications/admin/labels";
import { TRIGGERS, type Trigger } from "~/notifications/milestones";
import type { SettingsDraft } from "./settings-draft";
import { fieldError } from "./field-errors";

interface Props {
  draft: SettingsDraft;
  onChange(
    trigger: Trigger,
    patch: Partial<SettingsDraft["triggers"][Trigger]>
  ): void;
  fieldErrors?: Record<string, string[]>;
}

/** One row per trigger: email and SMS switches and the delay before sending. */
export function TriggerSettingsCard({ draft, onChange, fieldErrors }: Props) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Triggers and channels
        </Text>
        {TRIGGERS.map((trigger) => {
          const setting = draft.triggers[trigger];
          return (
            <InlineGrid
              key={trigger}
              columns={["twoThirds", "oneThird"]}
              gap="300"
              alignItems="center"
            >
              <InlineGrid columns={3} gap="200" alignItems="center">
                <Text as="span" fontWeight="semibold">
                  {TRIGGER_LABELS[trigger]}
                </Text>
                <Checkbox
                  label="Email"
                  checked={setting.email}
                  onChange={(email) => onChange(trigger, { email })}
                />
                <Checkbox
                  label="SMS"
                  checked={setting.sms}
                  onChange={(sms) => onChange(trigger, { sms })}
                />
              </InlineGrid>
              <TextField
                label="Delay (minutes)"
                labelHidden
                prefix="Delay"
                suffix="min"
                autoComplete="off"
                value={setting.delayMinutes}
                onChange={(delayMinutes) => onChange(trigger, { delayMinutes })}
                error={fieldError(
                  fieldErrors,
                  `triggers.${trigger}.delayMinutes`
                )}
              />
            </InlineGrid>
          );
        })}
      </BlockStack>
    </Card>
  );
}
