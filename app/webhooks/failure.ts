import { z } from "zod";
import { PermanentJobError } from "~/jobs/errors";
import { DomainError, MalformedPayloadError } from "~/errors";
import { InvalidShopifyPayloadError } from "~/orders/payload-fields";

const MAX_REASON_LENGTH = 2_000;

/** Whether retrying a failed webhook can help: a payload that does not fit our schemas never will. */
export function isPermanentFailure(error: unknown): boolean {
  return (
    error instanceof PermanentJobError ||
    error instanceof MalformedPayloadError ||
    error instanceof InvalidShopifyPayloadError ||
    error instanceof z.core.$ZodError ||
    error instanceof SyntaxError ||
    (error instanceof Error && error.name === "PrismaClientValidationError")
  );
}

/**
 * A failure's reason as stored on the event and the job, without personal data: Prisma's messages echo the
 * query's arguments (emails, addresses), so only their kind and code are kept.
 */
export function describeFailure(error: unknown): string {
  let text: string;
  if (error instanceof z.core.$ZodError) text = `Malformed payload: ${z.prettifyError(error).replaceAll("\n", " ")}`;
  else if (error instanceof Error && error.name.startsWith("PrismaClient")) {
    const code = (error as { code?: unknown }).code;
    text = `${error.name}${typeof code === "string" ? ` ${code}` : ""}`;
  } else if (error instanceof DomainError || error instanceof Error) text = `${error.name}: ${error.message}`;
  else text = `Non-error thrown: ${String(error)}`;
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH)}…` : text;
}
