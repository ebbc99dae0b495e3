/** A route's answer whether it returned or threw its Response (the Shopify library throws auth answers). */
export async function answerOf(run: () => unknown): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    // Remix `data()` results carry their status in `init`; a plain object is a 200.
    const status = (result as { init?: { status?: number } } | null)?.init?.status ?? 200;
    return new Response(null, { status });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
