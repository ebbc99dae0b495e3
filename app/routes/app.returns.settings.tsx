import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ReturnSettingsPage } from "~/admin/returns/ReturnSettingsPage";
import type { SettingsActionResult } from "~/admin/returns/settings-result";
import { db } from "~/db.server";
import { httpStatusOf, InvalidInputError } from "~/errors";
import { listReturnPolicyVersions, loadReturnPolicy, saveReturnPolicy } from "~/returns/policy-store.server";
import { searchOrdersForSimulation, simulateReturn } from "~/returns/simulate.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Return policy · Aftercare" }];

/** The shop's return policy, its saved versions, and orders matching ?orderQuery= for the simulator. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const orderQuery = new URL(request.url).searchParams.get("orderQuery") ?? "";
  const [policy, versions, orders] = await Promise.all([
    loadReturnPolicy(db(), session.shop),
    listReturnPolicyVersions(db(), session.shop),
    searchOrdersForSimulation(db(), session.shop, orderQuery),
  ]);
  return data({ policy, versions, orderQuery, orders });
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), policy: z.unknown() }),
  z.object({ intent: z.literal("simulate"), simulation: z.unknown() }),
]);

/** Saves the policy, or runs the simulator on the unsaved one; bad input answers 422 with a message per field. */
export async function action({ request }: ActionFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  try {
    const body = actionSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new InvalidInputError({ intent: ["must be save or simulate, with a JSON body"] }, "The request could not be read");
    if (body.data.intent === "save") {
      await saveReturnPolicy(db(), session.shop, body.data.policy);
      return data<SettingsActionResult>({ intent: "save", ok: true });
    }
    const simulation = await simulateReturn(db(), admin, session.shop, body.data.simulation, new Date());
    return data<SettingsActionResult>({ intent: "simulate", ok: true, simulation });
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 422 && status !== 404 && status !== 403) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : { orderId: [(error as Error).message] };
    return data<SettingsActionResult>({ intent: "error", ok: false, message: (error as Error).message, fieldErrors }, { status });
  }
}

export default function ReturnSettings() {
  const { policy, versions, orderQuery, orders } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ReturnSettingsPage policy={policy} versions={versions} orderQuery={orderQuery} orders={orders} result={result} />;
}
