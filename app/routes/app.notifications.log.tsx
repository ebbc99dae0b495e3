import {
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { MessageLogPage } from "~/admin/notifications/MessageLogPage";
import { db } from "~/db.server";
import { listMessageLog } from "~/notifications/admin/log.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [
  { title: "Message log · Notifications · Aftercare" },
];

const logQuerySchema = z.object({
  // PostgreSQL text cannot hold NUL; an unusable filter is ignored rather than failing the query.
  order: z.string().trim().max(100).refine((value) => !value.includes("\0")).optional().catch(undefined),
});

/** The shop's newest notification messages, optionally for one order name (?order=#1001). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const { order } = logQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams)
  );
  return data({
    order: order ?? "",
    rows: await listMessageLog(db(), session.shop, {
      orderName: order || undefined,
    }),
  });
}

export default function MessageLog() {
  const { order, rows } = useLoaderData<typeof loader>();
  return <MessageLogPage order={order} rows={rows} />;
}
