import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ReturnSettingsPage } from "~/admin/returns/ReturnSettingsPage";
import type { SettingsActionResult } from "~/admin/returns/settings-result";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import { loadLabelSettings, removeLabelApiKey, saveLabelSettings } from "~/returns/labels/settings.server";
import { listReturnPolicyVersions, loadReturnPolicy, saveReturnPolicy } from "~/returns/policy-store.server";
import { searchOrdersForSimulation, simulateReturn } from "~/returns/simulate.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Return policy · Aftercare" }];

/** The shop's return policy, its saved versions, orders matching ?orderQuery= for the simulator, and how labels are made. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const orderQuery = new URL(request.url).searchParams.get("orderQuery") ?? "";
  const [policy, versions, orders, labels] = await Promise.all([
    loadReturnPolicy(db(), session.shop),
    listReturnPolicyVersions(db(), session.shop),
    searchOrdersForSimulation(db(), session.shop, orderQuery),
    loadLabelSettings(db(), session.shop),
  ]);
  return data({ policy, versions, orderQuery, orders, labels });
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), policy: z.unknown() }),
  z.object({ intent: z.literal("simulate"), simulation: z.unknown() }),
  z.object({ intent: z.literal("labels"), labels: z.unknown() }),
  z.object({ intent: z.literal("forget_label_key") }),
]);

/**
 * Saves the policy, runs the simulator on the unsaved one, or saves how labels are made (a new EasyPost key is
 * checked with EasyPost first); bad input answers 422 with a message per field, EasyPost unreachable 502.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  try {
    const body = actionSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new InvalidInputError({ intent: ["must be save, simulate, labels or forget_label_key, with a JSON body"] }, "The request could not be read");
    if (body.data.intent === "labels") {
      return data<SettingsActionResult>({ intent: "labels", ok: true, labels: await saveLabelSettings(db(), session.shop, body.data.labels) });
    }
    if (body.data.intent === "forget_label_key") {
      await removeLabelApiKey(db(), session.shop);
      return data<SettingsActionResult>({ intent: "labels", ok: true, labels: await loadLabelSettings(db(), session.shop) });
    }
    if (body.data.intent === "save") {
      await saveReturnPolicy(db(), session.shop, body.data.policy);
      return data<SettingsActionResult>({ intent: "save", ok: true });
    }
    const simulation = await simulateReturn(db(), admin, session.shop, body.data.simulation, new Date());
    return data<SettingsActionResult>({ intent: "simulate", ok: true, simulation });
  } catch (error) {
    // Every domain failure is the merchant's to read (a bad field, an order in another currency, Shopify or
    // EasyPost unreachable); anything else is a bug.
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : {};
    return data<SettingsActionResult>({ intent: "error", ok: false, message: error.message, fieldErrors }, { status: httpStatusOf(error) });
  }
}

export default function ReturnSettings() {
  const { policy, versions, orderQuery, orders, labels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ReturnSettingsPage policy={policy} versions={versions} orderQuery={orderQuery} orders={orders} labels={labels} result={result} />;
}
