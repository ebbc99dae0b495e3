import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReturnPage, type ReturnActionResult } from "~/admin/returns/ReturnPage";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError, NotFoundError } from "~/errors";
import { loadLabelSettings } from "~/returns/labels/settings.server";
import { runReturnCommand } from "~/returns/merchant-commands.server";
import { loadReturnPage } from "~/returns/return-page.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Return · Aftercare" }];

/** One of the shop's returns; another shop's id is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  try {
    const [page, labels] = await Promise.all([loadReturnPage(db(), session.shop, params.id ?? "", new Date()), loadLabelSettings(db(), session.shop)]);
    return data({ page, labels });
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

/** Approve, decline (with reason), attach or buy a label, mark received, process or close (JSON body); refusals answer 4xx/5xx with the reason. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  try {
    const body: unknown = await request.json().catch(() => {
      throw new InvalidInputError({ _: ["must be a JSON document"] }, "The request could not be read");
    });
    await runReturnCommand({ db: db(), admin: async () => admin, now: () => new Date() }, session.shop, params.id ?? "", body);
    return data<ReturnActionResult>({ ok: true });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : {};
    return data<ReturnActionResult>({ ok: false, message: error.message, fieldErrors }, { status: httpStatusOf(error) });
  }
}

export default function Return() {
  const { page, labels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ReturnPage page={page} result={result} labels={labels} />;
}
