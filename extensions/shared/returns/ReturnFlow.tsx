/** @jsxImportSource preact */
import { useEffect, useRef, useState } from "preact/hooks";
import { draftOf, noChoices, type Choices } from "./choices";
import type { ReturnOrderResponse, ReturnPreviewResponse, ReturnReviewView, ReturnStatusResponse, ReturnStep, ReturnsHost } from "./contract";
import { ReturnRequestFailed, type ReturnsClient } from "./returns-client";
import { ItemsStep, MethodStep, OutcomeStep, ReasonsStep, ReviewStep, StatusView } from "./steps";
import { orderUrl, returnPageUrl } from "./urls";

type Screen =
  | { step: "items" | "reasons" }
  | Extract<ReturnPreviewResponse, { next: "outcome" }>
  | Extract<ReturnPreviewResponse, { next: "method" }>
  | { next: "review"; review: ReturnReviewView }
  | { step: "status"; status: ReturnStatusResponse };

const stepOf = (screen: Screen): string => ("step" in screen ? screen.step : screen.next);

interface Props {
  host: ReturnsHost;
  client: ReturnsClient;
  /** Set on the full page (return-page), which is headed by the order's name; without it the flow is the order action's modal. */
  page?: { orderName: string };
}

/**
 * The return portal's steps (items, reasons and photos, outcome, method, review), each checked by the server
 * before the next is shown, then the submit and the return's status, in the order action's modal or on the
 * order's full page. An order with an open return and nothing else to return opens on that return's status.
 */
export function ReturnFlow({ host, client, page }: Props) {
  const [order, setOrder] = useState<ReturnOrderResponse | null>(null);
  const [screens, setScreens] = useState<Screen[]>([]);
  const [choices, setChoices] = useState<Choices>(noChoices);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(true);
  const t = host.translate;
  const screen = screens.at(-1);

  /** Runs a call to the backend: one at a time, the shopper's messages on a 422, a plain apology otherwise. */
  const inFlight = useRef(false);
  const run = async (work: () => Promise<void>) => {
    // A second press while the first call runs must not send the step (or the submit) twice.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setProblems([]);
    try {
      await work();
    } catch (error) {
      const failed = error instanceof ReturnRequestFailed ? error : null;
      const review = failed?.problem?.review;
      // A submit the store refuses comes back as the review with its blockers, which say what to change.
      if (review) setScreens((stack) => [...stack.slice(0, -1), { next: "review", review }]);
      else setProblems(failed?.messages.length ? failed.messages : [t("failed")]);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  const push = (next: Screen) => setScreens((stack) => [...stack, next]);
  const openReturn = (returnId: string) => run(async () => push({ step: "status", status: await client.status(returnId) }));

  useEffect(() => {
    run(async () => {
      const loaded = await client.order();
      setOrder(loaded);
      if (!loaded.canStart && loaded.openReturnId) setScreens([{ step: "status", status: await client.status(loaded.openReturnId) }]);
      else setScreens([{ step: "items" }]);
    });
  }, [host.orderId]);

  const preview = (step: ReturnStep) =>
    run(async () => {
      const answer = await client.preview(step, draftOf(choices));
      push(answer.next === "reasons" ? { step: "reasons" } : answer);
    });

  const submit = (review: ReturnReviewView) =>
    run(async () => {
      const status = await client.submit(review.idempotencyKey, draftOf(choices));
      // The return exists now: going back would offer to submit it again.
      setScreens([{ step: "status", status }]);
    });

  const addPhotos = (lineItemId: string, files: readonly File[]) =>
    run(async () => {
      for (const file of files) {
        const { key } = await client.photo(file).catch((error: unknown) => {
          throw error instanceof ReturnRequestFailed && error.status === 422 ? new ReturnRequestFailed(422, { error: "photo", fieldErrors: { photo: [t("photoRejected")] } }) : error;
        });
        setChoices((c) => ({ ...c, photos: { ...c.photos, [lineItemId]: [...(c.photos[lineItemId] ?? []), key] } }));
      }
    });

  const primary: Record<string, (() => void) | undefined> = {
    items: () => preview("items"),
    reasons: () => preview("reasons"),
    outcome: () => preview("outcome"),
    method: () => preview("method"),
    review: screen && "next" in screen && screen.next === "review" ? () => submit(screen.review) : undefined,
  };
  const onPrimary = screen ? primary[stepOf(screen)] : undefined;

  const content = (
    <>
      <s-stack gap="base">
        {problems.length > 0 && (
          <s-banner tone="critical" heading={t("fix")}>
            <s-stack gap="small-300">
              {problems.map((problem) => (
                <s-text>{problem}</s-text>
              ))}
            </s-stack>
          </s-banner>
        )}
        {!screen && busy && <s-spinner accessibilityLabel={t("loading")} />}
        {order && screen && <Step screen={screen} order={order} choices={choices} set={setChoices} host={host} onOpenReturn={openReturn} onPhotos={addPhotos} />}
      </s-stack>
      {onPrimary && (
        <s-button slot="primary-action" loading={busy} disabled={busy} onClick={onPrimary}>
          {t(stepOf(screen!) === "review" ? "submit" : "continue")}
        </s-button>
      )}
      {screens.length > 1 && (
        <s-button slot="secondary-actions" disabled={busy} onClick={() => (setProblems([]), setScreens((stack) => stack.slice(0, -1)))}>
          {t("back")}
        </s-button>
      )}
    </>
  );
  if (page) {
    return (
      <s-page heading={page.orderName} subheading={t("heading")}>
        <s-button slot="breadcrumb-actions" href={orderUrl(host.orderId)} accessibilityLabel={t("backToOrder")} />
        {content}
      </s-page>
    );
  }
  return (
    <s-customer-account-action heading={t("heading")}>
      {content}
      {/* Only on the first step: the page starts the flow afresh, so later answers would be lost. */}
      {screens.length === 1 && stepOf(screen!) === "items" && (
        <s-button slot="secondary-actions" href={returnPageUrl(host.orderId)}>
          {t("openPage")}
        </s-button>
      )}
    </s-customer-account-action>
  );
}

function Step({
  screen,
  order,
  choices,
  set,
  host,
  onOpenReturn,
  onPhotos,
}: {
  screen: Screen;
  order: ReturnOrderResponse;
  choices: Choices;
  set: (change: (choices: Choices) => Choices) => void;
  host: ReturnsHost;
  onOpenReturn: (returnId: string) => void;
  onPhotos: (lineItemId: string, files: readonly File[]) => void;
}) {
  if ("status" in screen) return <StatusView status={screen.status} text={host} />;
  if ("step" in screen) {
    if (screen.step === "items") return <ItemsStep order={order} choices={choices} set={set} text={host} onOpenReturn={onOpenReturn} />;
    return <ReasonsStep order={order} choices={choices} set={set} text={host} onPhotos={onPhotos} />;
  }
  if (screen.next === "outcome") return <OutcomeStep {...screen} choices={choices} set={set} text={host} />;
  if (screen.next === "method") return <MethodStep methods={screen.methods} choices={choices} set={set} text={host} />;
  return <ReviewStep review={screen.review} text={host} />;
}
