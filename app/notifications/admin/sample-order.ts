import type { MessageFacts } from "../message-facts";

/** A made-up order to preview with when the shop has none yet. */
export const SAMPLE_ORDER: Pick<MessageFacts, "order" | "parcels" | "items"> = {
  order: { name: "#1001", firstName: "Alex" },
  parcels: [
    {
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      estimatedDeliveryAt: new Date("2026-03-06T17:00:00Z"),
    },
  ],
  items: [
    {
      title: "Trail running shoes",
      variantTitle: "42 / Blue",
      quantity: 1,
      imageUrl: null,
    },
    { title: "Merino socks", variantTitle: null, quantity: 2, imageUrl: null },
  ],
};

// A 1×1 transparent GIF: the preview must not count as an open of any real message.
export const INERT_PIXEL =
  "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
