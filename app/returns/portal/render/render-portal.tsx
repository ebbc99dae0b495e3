import type { ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LoginPage, MessagePage, OrdersPage, StatusPage } from "./pages";
import type { PortalChrome } from "./parts";
import { ItemsStep, MethodStep, OutcomeStep, ReasonsStep, ReviewStep, type StepPage } from "./steps";

const DOCTYPE = "<!DOCTYPE html>";
const page = (element: JSX.Element) => DOCTYPE + renderToStaticMarkup(element);

type Without<Props, Keys extends keyof Props> = Omit<Props, Keys>;

/** Each portal page as HTML; React escapes every value, so shop, product and shopper text cannot inject markup. */
export const renderPortalPage = {
  login: (chrome: PortalChrome, props: Without<ComponentProps<typeof LoginPage>, "chrome">) => page(<LoginPage chrome={chrome} {...props} />),
  orders: (chrome: PortalChrome, props: Without<ComponentProps<typeof OrdersPage>, "chrome">) => page(<OrdersPage chrome={chrome} {...props} />),
  message: (chrome: PortalChrome, props: Without<ComponentProps<typeof MessagePage>, "chrome">) => page(<MessagePage chrome={chrome} {...props} />),
  status: (chrome: PortalChrome, props: Without<ComponentProps<typeof StatusPage>, "chrome">) => page(<StatusPage chrome={chrome} {...props} />),
  items: (step: StepPage, props: Without<ComponentProps<typeof ItemsStep>, "page">) => page(<ItemsStep page={step} {...props} />),
  reasons: (step: StepPage, props: Without<ComponentProps<typeof ReasonsStep>, "page">) => page(<ReasonsStep page={step} {...props} />),
  outcome: (step: StepPage, props: Without<ComponentProps<typeof OutcomeStep>, "page">) => page(<OutcomeStep page={step} {...props} />),
  method: (step: StepPage, props: Without<ComponentProps<typeof MethodStep>, "page">) => page(<MethodStep page={step} {...props} />),
  review: (step: StepPage, props: Without<ComponentProps<typeof ReviewStep>, "page">) => page(<ReviewStep page={step} {...props} />),
};
