/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { BlockApi, OrderStatusResponse } from "./contract";
import { loadOrderStatus } from "./load-order-status";
import { OrderStatusView } from "./OrderStatusView";

type State = { kind: "loading" } | { kind: "error" } | { kind: "loaded"; view: OrderStatusResponse };

/** The block: loads the order's parcels from the app, then shows them (or why it cannot). */
export function OrderStatusBlock({ api, appUrl, fetchImpl }: { api: BlockApi; appUrl: string; fetchImpl?: typeof fetch }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    if (!api.orderId) return;
    let current = true;
    loadOrderStatus(appUrl, api.orderId, api.getSessionToken, fetchImpl).then(
      (view) => current && setState({ kind: "loaded", view }),
      () => current && setState({ kind: "error" }),
    );
    return () => {
      current = false;
    };
  }, [api.orderId]);

  return (
    <s-section heading={api.translate("heading")}>
      {!api.orderId ? (
        <s-paragraph>{api.translate("empty")}</s-paragraph>
      ) : state.kind === "loading" ? (
        <s-stack direction="inline" gap="small">
          <s-spinner accessibilityLabel={api.translate("loading")} />
          <s-text>{api.translate("loading")}</s-text>
        </s-stack>
      ) : state.kind === "error" ? (
        <s-banner tone="warning">{api.translate("error")}</s-banner>
      ) : (
        <OrderStatusView view={state.view} text={api} />
      )}
    </s-section>
  );
}
