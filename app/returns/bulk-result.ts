/** The outcome of one return in a bulk approve or decline. */
export interface BulkResult {
  id: string;
  ok: boolean;
  error?: string;
}
