import type { MessageFacts } from "../message-facts";
import { emailCopy, type EmailCopy } from "./template";

/** The plain-text part: the same copy as the HTML, for clients and readers that prefer text. */
export function emailText(facts: MessageFacts, copy: EmailCopy = emailCopy(facts)): string {
  const lines = [
    copy.heading,
    "",
    copy.greeting,
    "",
    copy.intro,
    "",
    ...(copy.orderEta ? [copy.orderEta, ""] : []),
    ...copy.parcels.flatMap((parcel) => (parcel.eta ? [parcel.line, parcel.eta] : [parcel.line])),
    "",
    `${copy.trackButton}: ${facts.links.tracking}`,
    "",
    copy.itemsHeading,
    ...copy.items.map((item) => `- ${item.title}${item.variantTitle ? ` (${item.variantTitle})` : ""} ${item.quantityLabel}`),
    "",
    "--",
    copy.footer,
    `${copy.unsubscribe}: ${facts.links.unsubscribe}`,
  ];
  return lines.join("\n");
}
