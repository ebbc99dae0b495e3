import type { TemplateKey } from "./check";
import type { TemplateField, TemplateOverrides } from "./fields";

/** What the template editor shows for a template: the saved copy, the catalogue's, the placeholders and a preview. */
export interface TemplateEditorState {
  key: TemplateKey;
  fields: readonly TemplateField[];
  saved: TemplateOverrides;
  defaults: Partial<Record<TemplateField, string>>;
  placeholders: readonly string[];
  preview: TemplatePreview;
}

export type TemplatePreview = { channel: "email"; subject: string; html: string; orderName: string | null } | { channel: "sms"; body: string; orderName: string | null };
