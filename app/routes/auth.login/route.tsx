import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LoginPage } from "~/admin/LoginPage";
import { loginFieldErrors } from "~/admin/login-errors.server";
import { login } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Log in · Aftercare" }];

/** A link with ?shop= logs in straight away; otherwise the form is shown. */
export async function loader({ request }: LoaderFunctionArgs) {
  const errors = loginFieldErrors(await login(request));
  return data({ errors }, { status: errors.shop ? 422 : 200 });
}

/** `login()` redirects to Shopify for a valid domain and reports a field error otherwise. */
export async function action({ request }: ActionFunctionArgs) {
  const errors = loginFieldErrors(await login(request));
  return data({ errors }, { status: errors.shop ? 422 : 200 });
}

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <LoginPage shopError={(actionData ?? loaderData).errors.shop} />;
}
