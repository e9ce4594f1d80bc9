import type pg from 'pg';

/** Statement texts given a name so far, process-wide: the same text is the same name on every connection. */
const statementNames = new Map<string, string>();
/**
 * kysely's texts are stable apart from `in (…)` lists and multi-row inserts, which make a new text
 * per length; past this many texts new ones run unnamed, so no connection's set of prepared
 * statements (server memory) grows without bound.
 */
const maxNamedStatements = 1_000;
const preparable = /^\s*(select|insert|update|delete|with)\b/i;
/**
 * `on conflict (…) where status = $1`: PostgreSQL picks a partial unique index as the arbiter only by
 * proving its predicate from the statement's values, which a prepared statement's plan lacks ("no
 * unique or exclusion constraint matching the ON CONFLICT specification"); such a text runs unnamed.
 */
const partialIndexArbiter = /on conflict\s*\([^)]*\)\s*where\b/i;
/** "cached plan must not change result type": a `select *` prepared before a table gained a column. */
const planResultChanged = '0A000';
/** "prepared statement … does not exist": the server forgot what this connection prepared. */
const statementUnknown = '26000';

type Query = (...args: unknown[]) => Promise<unknown> | undefined;

/** Connections whose prepared statements went stale: closed when they go back to the pool. */
const stale = new WeakSet<pg.PoolClient>();
/** Connections that run every statement unnamed from now on (see nameRepeatedStatements). */
const unnamed = new WeakSet<pg.PoolClient>();

/**
 * Makes every statement the pool's connections run a named (prepared) one: PostgreSQL parses and
 * plans a text once per connection instead of on every execution. A check-in runs about ten
 * statements and its writes are one statement over six tables; unnamed, the server spent more CPU
 * parsing and planning them than executing them (measured with pg_stat_statements under
 * `npm run bench:checkins`: the server's CPU per check-in fell by about 40%; on the embedded
 * database, where the server is this process, the service kept up with 200 check-ins/s where it
 * had fallen behind).
 *
 * When another process migrates the schema under a running one (a rolling deploy), a prepared
 * `select *` of a table that gained a column fails once with 0A000; that connection is closed when
 * it goes back to the pool (after its transaction rolled back), and its replacement prepares afresh,
 * so the platform's retry succeeds.
 *
 * `sharedBackend`: PGlite is one backend that outlives its clients, and a closed client's goodbye can
 * reach it after its replacement prepared statements. So its client is never closed for this: after
 * a 0A000 it runs everything unnamed (a schema change at run time does not happen there: migrations
 * run at start, in this process), and a replacement client starts by forgetting the statements of
 * the one before it, whose names it would prepare again. A connection whose server says it does not
 * know a statement (26000) also falls back to unnamed statements rather than failing every time.
 *
 * Not for a connection pooler in transaction mode that cannot keep prepared statements
 * (DATABASE_PREPARED_STATEMENTS=off): there a statement prepared on one server connection would be
 * executed on another.
 */
export function usePreparedStatements(pool: pg.Pool, options: { sharedBackend?: boolean } = {}): void {
  pool.on('connect', (client) => {
    // Queued before anything the pool's user sends, so it runs first.
    if (options.sharedBackend) void client.query('deallocate all').catch(() => undefined);
    nameRepeatedStatements(client, options.sharedBackend === true);
  });
  pool.on('release', (_error, client) => {
    // Ending it now makes the pool drop it instead of keeping it idle.
    if (stale.has(client)) void client.end().catch(() => undefined);
  });
}

function nameRepeatedStatements(client: pg.PoolClient, sharedBackend: boolean): void {
  const query = client.query.bind(client) as Query;
  const named: Query = (text, values, ...rest) => {
    if (typeof text !== 'string' || !Array.isArray(values) || unnamed.has(client) || !preparable.test(text) || partialIndexArbiter.test(text)) return query(text, values, ...rest);
    const name = nameOf(text);
    if (name === undefined) return query(text, values, ...rest);
    const result = query({ name, text, values }, ...rest);
    return result?.catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      if (code === statementUnknown || (code === planResultChanged && sharedBackend)) unnamed.add(client);
      else if (code === planResultChanged) stale.add(client);
      throw error;
    });
  };
  (client as { query: unknown }).query = named;
}

function nameOf(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < maxNamedStatements) {
    name = `legwork_${statementNames.size.toString(36)}`;
    statementNames.set(text, name);
  }
  return name;
}
