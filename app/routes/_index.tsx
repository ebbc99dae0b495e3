import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { LandingPage } from "~/admin/LandingPage";

export const meta: MetaFunction = () => [
  { title: "Aftercare · the post-purchase journey for Shopify stores" },
  { name: "description", content: "Tracking, notifications, returns and offers after every Shopify order." },
];

/** Shopify opens the app at its URL with ?shop=…; those requests belong to the embedded app. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
}

export default function Index() {
  return <LandingPage />;
}
