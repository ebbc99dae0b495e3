import { Link } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";

/** The app's entries in the Shopify admin sidebar; only pages that exist are listed. */
export function AppNavigation() {
  return (
    <NavMenu>
      <Link to="/app" rel="home">
        Home
      </Link>
      <Link to="/app/shipments">Shipments</Link>
      <Link to="/app/exceptions">Exceptions</Link>
      <Link to="/app/returns">Returns</Link>
      <Link to="/app/returns/settings">Return policy</Link>
      <Link to="/app/carriers">Carriers</Link>
      <Link to="/app/notifications">Notifications</Link>
      <Link to="/app/offers">Offers</Link>
    </NavMenu>
  );
}
