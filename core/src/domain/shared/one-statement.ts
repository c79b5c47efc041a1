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
  await tx.execute(
    sql`WITH ${sql.join(
      writes.map((w, i) => sql`${sql.identifier(`write_${i}`)} AS (${w.getSQL()})`),
      sql`, `,
    )} SELECT 1`,
  );
}
