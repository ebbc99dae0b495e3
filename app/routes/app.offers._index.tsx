import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { OffersListPage } from "~/admin/offers/OffersListPage";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import { offerList } from "~/offers/admin.server";
import { setOfferStatus } from "~/offers/offer-store.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Offers · Aftercare" }];

/** The shop's offers with their key numbers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  return data(await offerList(db(), session.shop));
}

const statusForm = z.object({ offerId: z.string().min(1).max(100), status: z.enum(["active", "paused", "archived"]) });

/** Pauses, activates or archives one offer (form: offerId, status). */
export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const form = statusForm.safeParse(Object.fromEntries(await request.formData()));
  try {
    if (!form.success) throw InvalidInputError.fromZod(form.error);
    const offer = await setOfferStatus(db(), session.shop, form.data.offerId, form.data.status);
    return data({ ok: true as const, offerId: offer.id, status: offer.status });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ ok: false as const, error: error.code, message: error.message }, { status: httpStatusOf(error) });
  }
}

export default function Offers() {
  const { rows, currencyCode } = useLoaderData<typeof loader>();
  return <OffersListPage rows={rows} currencyCode={currencyCode} />;
}
