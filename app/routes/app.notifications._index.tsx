import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  NotificationSettingsPage,
  type SettingsResult,
} from "~/admin/notifications/NotificationSettingsPage";
import { db } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { getNotificationRates } from "~/notifications/admin/rates.server";
import { saveNotificationSettings } from "~/notifications/admin/settings.server";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [
  { title: "Notifications · Aftercare" },
];

const RATES_DAYS = 30;

/** The shop's notification settings and each trigger's outcomes over the last 30 days. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const now = new Date();
  const [preferences, rates] = await Promise.all([
    getNotificationPreferences(db(), session.shop),
    getNotificationRates(db(), session.shop, {
      from: new Date(now.getTime() - RATES_DAYS * 86_400_000),
      to: now,
    }),
  ]);
  return data({ preferences, rates, days: RATES_DAYS });
}

/** Saves the settings form (a JSON body); invalid fields answer 422 with a message per field and store nothing. */
export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  try {
    const body: unknown = await request.json().catch(() => {
      throw new InvalidInputError(
        { _: ["must be a JSON document"] },
        "The settings could not be read"
      );
    });
    await saveNotificationSettings(db(), session.shop, body);
    return data<SettingsResult>({ ok: true });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return data<SettingsResult>(
      { ok: false, message: error.message, fieldErrors: error.fieldErrors },
      { status: 422 }
    );
  }
}

export default function NotificationSettings() {
  const { preferences, rates, days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <NotificationSettingsPage
      preferences={preferences}
      rates={rates}
      days={days}
      result={result}
    />
  );
}
