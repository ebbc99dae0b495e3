import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReturnsQueuePage, type ReturnsQueueResult } from "~/admin/returns/ReturnsQueuePage";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import { runBulkReturnCommand } from "~/returns/merchant-commands.server";
import { parseMetricPeriod } from "~/returns/metrics-period";
import { loadReturnsMetrics } from "~/returns/metrics.server";
import { parseReturnQueueQuery } from "~/returns/queue-query";
import { listReturnCases } from "~/returns/queue.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Returns · Aftercare" }];

const EMPTY_PAGE = { rows: [], pageInfo: { hasPreviousPage: false, hasNextPage: false, startCursor: null, endCursor: null } };

/** The shop's returns numbers for the period and one page of its queue as the URL selects them; bad parameters are a 422 page with the reasons. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const filters = Object.fromEntries(params);
  try {
    const query = parseReturnQueueQuery(params);
    const period = parseMetricPeriod(params.get("period"));
    const [page, metrics] = await Promise.all([listReturnCases(db(), session.shop, query), loadReturnsMetrics(db(), session.shop, period)]);
    return data({ page, metrics, filters, filterError: null });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return data({ page: EMPTY_PAGE, metrics: null, filters, filterError: { message: error.message, fieldErrors: error.fieldErrors } }, { status: 422 });
  }
}

/** Approves or declines the selected returns (JSON body); each return's outcome is reported. */
export async function action({ request }: ActionFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  try {
    const body: unknown = await request.json().catch(() => {
      throw new InvalidInputError({ _: ["must be a JSON document"] }, "The request could not be read");
    });
    const results = await runBulkReturnCommand({ db: db(), admin: async () => admin, now: () => new Date() }, session.shop, body);
    return data<ReturnsQueueResult>({ ok: true, results });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : {};
    return data<ReturnsQueueResult>({ ok: false, message: error.message, fieldErrors }, { status: httpStatusOf(error) });
  }
}

export default function Returns() {
  const { page, metrics, filters, filterError } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ReturnsQueuePage page={page} metrics={metrics} filters={filters} filterError={filterError} result={result} />;
}
