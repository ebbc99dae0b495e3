import type { RenderedEmail } from "../email/render";

/** A rendered preview and the order it was rendered for. */
export interface EmailPreview {
  email: RenderedEmail;
  /** The shop's order the preview shows, or null when it shows the built-in sample order. */
  orderName: string | null;
  shopName: string;
}
