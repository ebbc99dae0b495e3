/** What an inbound SMS asks for, by the carrier-standard keywords (CTIA; Twilio's defaults). */
export type InboundIntent = "opt_out" | "opt_in" | "help" | "other";

const OPT_OUT = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const OPT_IN = new Set(["START", "YES", "UNSTOP", "OPTIN"]);
const HELP = new Set(["HELP", "INFO"]);

/** Reads an inbound body's intent: the keyword must be the whole message (whitespace and case ignored). */
export function inboundIntent(body: string): InboundIntent {
  const word = body.trim().toUpperCase().replace(/[\s.!]+$/g, "");
  if (OPT_OUT.has(word)) return "opt_out";
  if (OPT_IN.has(word)) return "opt_in";
  if (HELP.has(word)) return "help";
  return "other";
}
