/**
 * A response whose body may still read the database as it streams (the admin API's CSV and .xlsx
 * exports pull one page of rows per chunk), and a promise that settles once the body has been read
 * to its end, or the client went away. The Worker closes the invocation's pool only after it: closing
 * it when the handler returns would cut every export after its first page.
 */
export function whenBodyRead(response: Response): { response: Response; read: Promise<void> } {
  if (!response.body) return { response, read: Promise.resolve() };
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  // pipeTo settles when the source is done (or cancelled by a client that hung up): either way the
  // database is no longer needed for this body.
  const read = response.body.pipeTo(writable).catch(() => undefined);
  return { response: new Response(readable, response), read };
}
