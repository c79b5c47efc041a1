// What the bench database's backends are doing, sampled from pg_stat_activity every `everyMs` during a run:
// of the backends in a statement (state 'active'), how many are on CPU (no wait event) and how many wait, by
// wait event (e.g. Lock:transactionid, LWLock:WALWrite, IO:DataFileRead, Client:ClientRead).
import type { RawSql } from './bench-runtime';

export interface WaitSampler {
  stop(): Promise<{ samples: number; meanActive: number; waits: Record<string, number>; lockedStatements: Record<string, number> }>;
}

/** Samples through `sql` (a connection the load does not use) until stop(); waits are mean backends per sample. */
export function sampleWaits(sql: RawSql, databaseName: string, everyMs = 100): WaitSampler {
  let running = true;
  let samples = 0;
  let active = 0;
  const counts: Record<string, number> = {};
  // the statements that wait on a heavyweight lock (rows, transactions), by their first words
  const locked: Record<string, number> = {};
  const loop = (async () => {
    while (running) {
      const rows = await sql
        .unsafe<{ wait: string; statement: string | null; n: number }>(
          `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait,
             case when wait_event_type = 'Lock' then left(regexp_replace(query, '\\s+', ' ', 'g'), 70) end as statement, count(*)::int as n
           from pg_stat_activity where datname = $1 and state = 'active' and pid <> pg_backend_pid() group by 1, 2`,
          [databaseName],
        )
        .catch(() => []);
      samples += 1;
      for (const r of rows) {
        active += r.n;
        counts[r.wait] = (counts[r.wait] ?? 0) + r.n;
        if (r.statement) locked[r.statement] = (locked[r.statement] ?? 0) + r.n;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const n = Math.max(1, samples);
      const perSample = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v / n]));
      return { samples, meanActive: active / n, waits: perSample(counts), lockedStatements: perSample(locked) };
    },
  };
}
