import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ExceptionsPage, type ExceptionsPageResult } from "~/admin/exceptions/ExceptionsPage";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import { loadExceptionsPage, runExceptionsPageCommand } from "~/exceptions/page.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Exceptions · Aftercare" }];

/** The shop's open delivery exceptions (newest first, with their actions) and the action and digest settings. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  return data(await loadExceptionsPage(db(), session.shop));
}

/** Saves the settings or starts one action ("run now"), from a JSON body; a refusal answers 4xx with the reason and changes nothing. */
export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  try {
    const body: unknown = await request.json().catch(() => {
      throw new InvalidInputError({ _: ["must be a JSON document"] }, "The request could not be read");
    });
    await runExceptionsPageCommand(db(), session.shop, body);
    return data<ExceptionsPageResult>({ ok: true });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : {};
    return data<ExceptionsPageResult>({ ok: false, message: error.message, fieldErrors }, { status: httpStatusOf(error) });
  }
}

export default function Exceptions() {
  const { exceptions, settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ExceptionsPage exceptions={exceptions} settings={settings} result={result} />;
}
