import { exceptionActionJob } from "../exceptions/actions/job.server";
import { exceptionDigestJob } from "../exceptions/digest/job.server";
import { backfillDeliveryEstimatesJob } from "../delivery-estimates/live/backfill-job.server";
import { refreshDeliveryQuotesJob } from "../delivery-estimates/live/quotes-job.server";
import { refreshDeliveryPromisesJob } from "../delivery-estimates/live/refresh-job.server";
import { scanExceptionsJob } from "../exceptions/scan-job.server";
import { sendNotificationJob } from "../notifications/send-job.server";
import { reconcileOrdersJob } from "../reconciliation/reconcile-job.server";
import { replayReturnWebhooksJob } from "../returns/replay-job.server";
import { applyCarrierUpdateJob } from "../tracking/sources/easypost/apply-carrier-update.server";
import { processWebhookJob } from "../webhooks/process-job.server";
import type { JobDefinition } from "./registry";

/**
 * Every job the worker can run. Add a definition here (defineJob from ./registry) when you create one; a job
 * whose name is missing from this list is dead-lettered as having no handler.
 */
export const jobDefinitions: JobDefinition[] = [processWebhookJob, reconcileOrdersJob, applyCarrierUpdateJob, sendNotificationJob, scanExceptionsJob, exceptionActionJob, exceptionDigestJob, refreshDeliveryPromisesJob, refreshDeliveryQuotesJob, backfillDeliveryEstimatesJob, replayReturnWebhooksJob];
