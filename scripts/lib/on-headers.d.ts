// on-headers ships no types, and the @types/on-headers on the registry is not its definition.
declare module "on-headers" {
  import type { ServerResponse } from "node:http";

  /** Calls `listener` once, right before `response` writes its headers. */
  export default function onHeaders<Response extends ServerResponse>(response: Response, listener: (this: Response) => void): void;
}
