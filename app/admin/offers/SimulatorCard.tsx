import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, List, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import type { Simulation } from "~/offers/admin-views";

const SURFACE_OPTIONS = [
  { label: "Post-purchase page", value: "post_purchase" },
  { label: "Thank-you page", value: "thank_you" },
  { label: "Order status page", value: "order_status" },
  { label: "Tracking page", value: "tracking_page" },
];

type SimulationAnswer = { ok: true; simulation: Simulation } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** "Which offer would this order get?": runs the engine on a real order and shows its reasons for every offer. */
export function SimulatorCard({ orders, action }: { orders: Array<{ id: string; name: string }>; action: string }) {
  const fetcher = useFetcher<SimulationAnswer>();
  const [orderId, setOrderId] = useState(orders[0]?.id ?? "");
  const [surface, setSurface] = useState("post_purchase");
  const answer = fetcher.data;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Which offer would this order get?</Text>
        {orders.length === 0 ? (
          <Text as="p" tone="subdued">No orders yet: they appear here once Shopify sends them.</Text>
        ) : (
          <InlineStack gap="300" blockAlign="end">
            <Select label="Order" options={orders.map((order) => ({ label: order.name, value: order.id }))} value={orderId} onChange={setOrderId} />
            <Select label="Surface" options={SURFACE_OPTIONS} value={surface} onChange={setSurface} />
            <Button loading={fetcher.state !== "idle"} onClick={() => fetcher.submit({ intent: "simulate", orderId, surface }, { method: "post", action, encType: "application/json" })}>
              Simulate
            </Button>
          </InlineStack>
        )}
        {answer && !answer.ok ? <Text as="p" tone="critical">{answer.message}</Text> : null}
        {answer?.ok ? (
          <BlockStack gap="200">
            <Text as="p" variant="headingSm">
              {answer.simulation.chosen
                ? `${answer.simulation.orderName} would get “${answer.simulation.chosen.offerId}”: ${answer.simulation.chosen.discountedPrice} (was ${answer.simulation.chosen.price}).`
                : `${answer.simulation.orderName} would get no offer on this surface.`}
            </Text>
            {answer.simulation.offers.map((offer) => (
              <BlockStack gap="100" key={offer.offerId}>
                <InlineStack gap="200">
                  <Text as="span" fontWeight="semibold">{offer.name}</Text>
                  <Badge tone={offer.chosen ? "success" : undefined}>{offer.chosen ? "Chosen" : "Not chosen"}</Badge>
                </InlineStack>
                <List>
                  {offer.reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              </BlockStack>
            ))}
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
