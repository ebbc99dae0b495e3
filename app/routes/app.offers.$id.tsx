import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { OfferEditorPage, type SaveResult } from "~/admin/offers/OfferEditorPage";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import { offerEditor, saveOfferForm, simulateOrder } from "~/offers/admin.server";
import { surfaceSchema } from "~/offers/offer-schema";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Offer · Aftercare" }];

/** One offer's editor, preview, results and simulator ("new" for a new offer); 404 for another shop's offer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  try {
    return data(await offerEditor(db(), admin, session.shop, params.id ?? "new"));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new Response(error.message, { status: httpStatusOf(error) });
  }
}

const body = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), values: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }),
  z.object({ intent: z.literal("simulate"), orderId: z.string().min(1), surface: surfaceSchema }),
]);

/** Saves the offer (JSON `{intent: "save", values}`) or simulates an order (`{intent: "simulate", orderId, surface}`). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, admin, redirect } = await authenticate.admin(request);
  const id = params.id ?? "new";
  try {
    const parsed = body.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw InvalidInputError.fromZod(parsed.error, "The request could not be read");
    if (parsed.data.intent === "simulate") {
      return data({ ok: true as const, simulation: await simulateOrder(db(), admin, session.shop, parsed.data) });
    }
    const offer = await saveOfferForm(db(), session.shop, parsed.data.values, { isNew: id === "new", id });
    if (id === "new") return redirect(`/app/offers/${encodeURIComponent(offer.id)}`);
    return data<SaveResult>({ ok: true });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : {};
    return data({ ok: false as const, message: error.message, fieldErrors }, { status: httpStatusOf(error) });
  }
}

export default function OfferEditor() {
  const editor = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SaveResult | undefined;
  const location = useLocation();
  return <OfferEditorPage key={location.pathname} data={editor} result={result && "simulation" in result ? undefined : result} simulateAction={location.pathname} />;
}
