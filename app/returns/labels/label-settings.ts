import { z } from "zod";

/** How a shop's return labels are made, as the settings form sends and shows it (the server side: settings.server.ts). */

export const LABEL_PROVIDERS = ["easypost", "uploaded"] as const;
export type LabelProviderName = (typeof LABEL_PROVIDERS)[number];

export const labelSettingsInputSchema = z.object({
  provider: z.enum(LABEL_PROVIDERS, "must be EasyPost or “upload my own label”"),
  /** Spaces around a pasted key are dropped; blank keeps the key already stored. */
  apiKey: z
    .string()
    .trim()
    .max(200, "must be at most 200 characters")
    .regex(/^[A-Za-z0-9_-]*$/, "must be an EasyPost API key (letters, digits, _ and -)")
    .optional()
    .transform((value) => value || null),
});
export type LabelSettingsInput = z.input<typeof labelSettingsInputSchema>;

/** What the settings page shows: never the key itself. */
export interface LabelSettingsView {
  provider: LabelProviderName;
  apiKey: { set: boolean; endsIn: string | null; unreadable: boolean };
  /** The app has a fallback key from its environment. */
  fallbackKey: boolean;
}
