import { useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { EXCEPTION_ACTION_LABELS, EXCEPTION_ACTIONS, type ActionMode } from "~/exceptions/actions/kinds";
import { EXCEPTION_KINDS } from "~/exceptions/kinds";
import { EXCEPTION_KIND_LABELS } from "~/exceptions/labels";
import type { ExceptionsPageData } from "~/exceptions/open-exception";
import { fieldError } from "../notifications/field-errors";

const MODE_OPTIONS: { label: string; value: ActionMode }[] = [
  { label: "Off", value: "off" },
  { label: "Run now button", value: "manual" },
  { label: "Automatic", value: "auto" },
];

const HOUR_OPTIONS = [{ label: "Off", value: "off" }, ...Array.from({ length: 24 }, (_, hour) => ({ label: `${String(hour).padStart(2, "0")}:00`, value: String(hour) }))];

type Settings = ExceptionsPageData["settings"];

/** Per exception kind: which actions run (off, by hand, automatically) and the tag; the support address; the daily digest. */
export function ActionSettingsCard({ settings, fieldErrors }: { settings: Settings; fieldErrors?: Record<string, string[]> }) {
  const [draft, setDraft] = useState<Settings>(settings);
  const submit = useSubmit();
  const saving = useNavigation().state === "submitting";
  const setKind = (kind: (typeof EXCEPTION_KINDS)[number], patch: Partial<Settings["actions"][typeof kind]>) =>
    setDraft((current) => ({ ...current, actions: { ...current.actions, [kind]: { ...current.actions[kind], ...patch } } }));
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Automated actions and digest
        </Text>
        {EXCEPTION_KINDS.map((kind) => (
          <BlockStack key={kind} gap="200">
            <Text as="h3" variant="headingSm">
              {EXCEPTION_KIND_LABELS[kind]}
            </Text>
            <InlineGrid columns={4} gap="200">
              {EXCEPTION_ACTIONS.map((action) => (
                <Select
                  key={action}
                  label={EXCEPTION_ACTION_LABELS[action]}
                  options={MODE_OPTIONS}
                  value={draft.actions[kind][action]}
                  onChange={(value) => setKind(kind, { [action]: value as ActionMode })}
                />
              ))}
              <TextField
                label="Tag"
                autoComplete="off"
                value={draft.actions[kind].tag}
                error={fieldError(fieldErrors, `actions.${kind}.tag`)}
                onChange={(tag) => setKind(kind, { tag })}
              />
            </InlineGrid>
          </BlockStack>
        ))}
        <FormLayout>
          <TextField
            label="Support email address"
            type="email"
            autoComplete="email"
            helpText="Where “Email support” sends the shipment, the reason and a link to this page."
            value={draft.supportEmail ?? ""}
            error={fieldError(fieldErrors, "supportEmail")}
            onChange={(value) => setDraft((current) => ({ ...current, supportEmail: value.trim() ? value.trim() : null }))}
          />
          <FormLayout.Group>
            <Select
              label="Daily digest (shop's time zone)"
              options={HOUR_OPTIONS}
              value={draft.digest.hour === null ? "off" : String(draft.digest.hour)}
              error={fieldError(fieldErrors, "digest.hour")}
              onChange={(value) => setDraft((current) => ({ ...current, digest: { ...current.digest, hour: value === "off" ? null : Number(value) } }))}
            />
            <TextField
              label="Digest email address"
              type="email"
              autoComplete="email"
              helpText="Leave empty to use the shop's email address."
              value={draft.digest.email ?? ""}
              error={fieldError(fieldErrors, "digest.email")}
              onChange={(value) => setDraft((current) => ({ ...current, digest: { ...current.digest, email: value.trim() ? value.trim() : null } }))}
            />
          </FormLayout.Group>
        </FormLayout>
        <InlineGrid columns={1}>
          <Button variant="primary" loading={saving} onClick={() => submit({ intent: "save-settings", ...draft }, { method: "post", encType: "application/json" })}>
            Save actions and digest
          </Button>
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
