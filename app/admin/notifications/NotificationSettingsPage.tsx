import { useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { useState } from "react";
import type { TriggerRates } from "~/notifications/admin/rates";
import type { NotificationPreferences } from "~/notifications/preferences";
import { DeliveryTimingCard } from "./DeliveryTimingCard";
import { NotificationsTabs } from "./NotificationsTabs";
import { RatesCard } from "./RatesCard";
import { draftOf, submissionOf, type SettingsDraft } from "./settings-draft";
import { TriggerSettingsCard } from "./TriggerSettingsCard";

export type SettingsResult =
  | { ok: true }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

interface Props {
  preferences: Pick<
    NotificationPreferences,
    "triggers" | "quietHours" | "coalesceMinutes" | "followUpDays"
  >;
  rates: TriggerRates[];
  days: number;
  result?: SettingsResult;
}

/** The notification settings form (per trigger and channel, quiet hours, coalescing) above the rates per trigger. */
export function NotificationSettingsPage({
  preferences,
  rates,
  days,
  result,
}: Props) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(preferences));
  const submit = useSubmit();
  const saving = useNavigation().state === "submitting";
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <Page
      title="Notifications"
      primaryAction={{
        content: "Save",
        loading: saving,
        onAction: () =>
          submit(submissionOf(draft), {
            method: "post",
            encType: "application/json",
          }),
      }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <NotificationsTabs />
            {result?.ok === true && (
              <Banner tone="success" title="Settings saved" />
            )}
            {result?.ok === false && (
              <Banner tone="critical" title={result.message}>
                Fix the highlighted fields; nothing was saved.
              </Banner>
            )}
            <TriggerSettingsCard
              draft={draft}
              fieldErrors={fieldErrors}
              onChange={(trigger, patch) =>
                setDraft((current) => ({
                  ...current,
                  triggers: {
                    ...current.triggers,
                    [trigger]: { ...current.triggers[trigger], ...patch },
                  },
                }))
              }
            />
            <DeliveryTimingCard
              draft={draft}
              fieldErrors={fieldErrors}
              onQuietHours={(patch) =>
                setDraft((current) => ({
                  ...current,
                  quietHours: { ...current.quietHours, ...patch },
                }))
              }
              onCoalesce={(coalesceMinutes) =>
                setDraft((current) => ({ ...current, coalesceMinutes }))
              }
              onFollowUpDays={(followUpDays) =>
                setDraft((current) => ({ ...current, followUpDays }))
              }
            />
            <RatesCard rates={rates} days={days} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
