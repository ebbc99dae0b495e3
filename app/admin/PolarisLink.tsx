import { Link } from "@remix-run/react";
import type { AppProviderProps } from "@shopify/polaris";
import { forwardRef, type ComponentProps } from "react";

type PolarisLinkProps = ComponentProps<NonNullable<AppProviderProps["linkComponent"]>>;

/** Polaris's link component, rendered as a Remix `Link` so in-app links navigate client-side. */
export const PolarisLink = forwardRef<HTMLAnchorElement, PolarisLinkProps>(function PolarisLink({ url, ...props }, ref) {
  return <Link {...props} to={url} ref={ref} />;
});
