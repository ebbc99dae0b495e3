import { renderToStaticMarkup } from "react-dom/server";
import type { OrderView } from "../view-model";
import type { DateFormats } from "./dates";
import type { PageFrame } from "./frame";
import { LookupPage, type LookupNotice } from "./LookupPage";
import type { MarketingView } from "./MarketingBlock";
import { OrderPage } from "./OrderPage";

const DOCTYPE = "<!DOCTYPE html>";

/** The look-up form page as HTML. React escapes every value, so shop and carrier text cannot inject markup. */
export function renderLookupPage(frame: PageFrame, notice: LookupNotice | null = null): string {
  return DOCTYPE + renderToStaticMarkup(<LookupPage frame={frame} notice={notice} />);
}

/** An order's tracking page as HTML. */
export function renderOrderPage(frame: PageFrame, order: OrderView, dates: DateFormats, marketing: MarketingView | null): string {
  return DOCTYPE + renderToStaticMarkup(<OrderPage frame={frame} order={order} dates={dates} marketing={marketing} />);
}
