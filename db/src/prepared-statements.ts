// drizzle's postgres-js driver sends every query unprepared (postgres-js `unsafe(…, { prepare: false })`, unless a
// query is given a name with `.prepare()`): the
// server parses and plans each one afresh, about 0.45 ms a query here against 0.1 ms for a statement prepared
// once per connection (issue 17). This makes the client — and every transaction and savepoint it opens —
// prepare its statements, which postgres-js then names and reuses per connection. DATABASE_PREPARE=false
// turns it off for poolers that cannot keep prepared statements (PgBouncer in transaction mode).
import type { Sql } from 'postgres';

type Unsafe = Sql['unsafe'];
type Scoped = Pick<Sql, 'unsafe'> & { begin?: unknown; savepoint?: unknown };

export function preparingStatements<T extends Scoped>(client: T): T {
  const unsafe = client.unsafe.bind(client) as Unsafe;
  client.unsafe = ((query: string, args?: never[], options?: { prepare?: boolean }) => unsafe(query, args, { ...options, prepare: true })) as Unsafe;
  for (const opener of ['begin', 'savepoint'] as const) {
    const open = client[opener];
    if (typeof open !== 'function') continue;
    (client as Record<string, unknown>)[opener] = (...args: unknown[]) => {
      const last = args.length - 1;
      const body = args[last] as (scoped: Scoped) => unknown;
      args[last] = (scoped: Scoped) => body(preparingStatements(scoped));
      return (open as (...a: unknown[]) => unknown).apply(client, args);
    };
  }
  return client;
}
