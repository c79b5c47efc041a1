// Closed-loop load: `clients` concurrent loops, each calling its step again as soon as the last one answered,
// for a fixed time. node's fetch (undici) keeps connections alive, so each loop reuses its sockets.
import { performance } from 'node:perf_hooks';

export interface StepOutcome {
  /** HTTP requests the step made */
  requests: number;
  /** the step ended in a sale */
  sold?: boolean;
  /** what happened, counted by name (e.g. SOLD, LISTED, NO_OFFER) */
  outcome?: string;
}

export interface LoadResult {
  seconds: number;
  steps: number;
  requests: number;
  sold: number;
  errors: number;
  /** the first few distinct error messages */
  errorSamples: string[];
  outcomes: Record<string, number>;
  latenciesMs: number[];
}

/** Runs `step(client)` in `clients` loops for `seconds` (after an untimed warm-up of `warmupSeconds`). */
export async function closedLoop(clients: number, seconds: number, warmupSeconds: number, step: (client: number) => Promise<StepOutcome>): Promise<LoadResult> {
  const result: LoadResult = { seconds: 0, steps: 0, requests: 0, sold: 0, errors: 0, errorSamples: [], outcomes: {}, latenciesMs: [] };
  const warmEnd = performance.now() + warmupSeconds * 1000;
  let start = 0;
  let end = Number.POSITIVE_INFINITY;
  const loop = async (client: number) => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const measuring = t0 >= warmEnd;
      try {
        const out = await step(client);
        if (!measuring) continue;
        result.steps += 1;
        result.requests += out.requests;
        if (out.sold) result.sold += 1;
        if (out.outcome) result.outcomes[out.outcome] = (result.outcomes[out.outcome] ?? 0) + 1;
        result.latenciesMs.push(performance.now() - t0);
      } catch (err) {
        if (!measuring) continue;
        result.errors += 1;
        const message = err instanceof Error ? err.message : String(err);
        if (result.errorSamples.length < 3 && !result.errorSamples.includes(message)) result.errorSamples.push(message);
      }
    }
  };
  const timer = setTimeout(() => {
    start = performance.now();
    end = start + seconds * 1000;
  }, warmupSeconds * 1000);
  // until the timer sets it, `end` is infinite; loops only count steps started after the warm-up
  const loops = Array.from({ length: clients }, (_, i) => loop(i));
  await new Promise((r) => setTimeout(r, (warmupSeconds + seconds) * 1000 + 50));
  clearTimeout(timer);
  await Promise.all(loops);
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

export class GraphQLCallError extends Error {}

/** One GraphQL request; errors in the answer become a thrown GraphQLCallError with their code. */
export async function graphql<T>(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
  if (body.errors?.length) {
    const e = body.errors[0]!;
    throw new GraphQLCallError(`${e.extensions?.reason ?? e.extensions?.code ?? 'ERROR'}: ${e.message}`);
  }
  if (!res.ok || !body.data) throw new GraphQLCallError(`HTTP ${res.status}`);
  return body.data;
}
