// Several writes sent as one statement (issue 17): each insert or update becomes a data-modifying CTE of a single
// `WITH … SELECT 1`, so a sale's nine writes cost one round trip instead of nine. What holds for such a statement:
// every part runs on the same snapshot and none sees another's rows (so no part may read what another writes, and
// no row may be updated twice), and foreign keys are checked when the whole statement ends, so a child row may
// name a parent inserted beside it.
import type { Db } from '@leadex/db';
import { sql, type SQL } from 'drizzle-orm';

/** An insert or update builder, or a statement as SQL; its SQL goes inside `AS (…)` (a builder embedded whole would get a second pair, as a subquery does). */
type Write = { getSQL(): SQL };

export async function writeInOneStatement(tx: Db, writes: readonly Write[]): Promise<void> {
  if (!writes.length) return;
  await tx.execute(oneStatementSql(Object.fromEntries(writes.map((w, i) => [`write_${i}`, w]))));
}

/**
 * The statement of `writes`, each a CTE named by its key (a later part may read an earlier one's RETURNING rows by
 * that name, e.g. postings selected from the journal row they belong to): for a builtOnce statement, or execute.
 */
export function oneStatementSql(writes: Readonly<Record<string, Write>>): SQL {
  return sql`WITH ${sql.join(
    Object.entries(writes).map(([name, w]) => sql`${sql.identifier(name)} AS (${w.getSQL()})`),
    sql`, `,
  )} SELECT 1`;
}
