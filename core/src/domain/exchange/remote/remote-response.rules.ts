// Remote bidders' answers, pure: the campaign's response mapping (simple JSON paths into the buyer's JSON answer)
// and what an answer to a ping means — a bid in minor units, a pass, or malformed. Nothing here talks to the network.
import { JSONPath } from 'jsonpath-plus';
import { z } from 'zod';
import { parseDecimal } from '../../shared/money';

/**
 * Simple JSON paths only: `$`, then `.name`, `[0]` or `['name']` steps. No wildcards, recursion or filters, so a
 * path names one value and nothing in a mapping is ever evaluated as a script.
 */
const SIMPLE_PATH = /^\$(\.[A-Za-z_$][A-Za-z0-9_$-]*|\[\d{1,4}\]|\['[^'\\\]]{1,100}'\]|\["[^"\\\]]{1,100}"\])*$/;

export function jsonPathProblem(path: string): string | null {
  if (path.length > 200) return 'at most 200 characters';
  return SIMPLE_PATH.test(path) ? null : 'a simple JSON path such as "$.bid" or "$.result[0].price"';
}

const ZPath = z
  .string()
  .trim()
  .max(200)
  .superRefine((p, ctx) => {
    const problem = jsonPathProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Where the bid, the buyer's reference and an explicit pass flag are in the buyer's ping answer. */
export const ZResponseMapping = z.object({
  bid: ZPath,
  reference: ZPath.nullish(),
  pass: ZPath.nullish(),
});
export type ResponseMapping = z.infer<typeof ZResponseMapping>;

/** The mapping a remote campaign gets when its buyer names none: `{ "bid": "12.50", "reference": "…" }`. */
export const DEFAULT_RESPONSE_MAPPING: ResponseMapping = { bid: '$.bid', reference: '$.reference', pass: '$.pass' };

export type PingAnswer =
  | { outcome: 'BID'; amount: number; reference: string | null }
  | { outcome: 'PASS' }
  | { outcome: 'MALFORMED'; problem: string }
  | { outcome: 'ERROR'; problem: string };

const first = (path: string, json: unknown): unknown => {
  const found = JSONPath({ path, json: json as object, wrap: true, eval: false }) as unknown[] | undefined;
  return found?.[0];
};

/**
 * What a buyer's answer to a ping means. 204, or a pass flag that is true, or a bid that is missing, null or zero,
 * is a pass. Any other non-2xx is an error. A 2xx whose body is not JSON, is cut off, or whose bid is not a
 * non-negative decimal amount in `currency` (a JSON number or a string, at most the currency's minor digits) is
 * malformed. A bid is rounded down to the currency's charge `step`.
 */
export function judgePingAnswer(
  answer: { status: number; body: string; truncated: boolean },
  mapping: ResponseMapping,
  currency: string,
  step = 1,
): PingAnswer {
  if (answer.status === 204) return { outcome: 'PASS' };
  if (answer.status < 200 || answer.status > 299) return { outcome: 'ERROR', problem: `answered HTTP ${answer.status}` };
  if (answer.truncated) return { outcome: 'MALFORMED', problem: 'the answer is too long' };
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return { outcome: 'MALFORMED', problem: 'the answer is not JSON' };
  }
  if (json === null || typeof json !== 'object') return { outcome: 'MALFORMED', problem: 'the answer is not a JSON object or array' };
  if (mapping.pass && first(mapping.pass, json) === true) return { outcome: 'PASS' };
  const raw = first(mapping.bid, json);
  if (raw == null) return { outcome: 'PASS' };
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw : null;
  const amount = text == null ? null : parseDecimal(text, currency);
  if (amount == null || amount < 0) return { outcome: 'MALFORMED', problem: `the bid at ${mapping.bid} is not an amount in ${currency}` };
  const onStep = amount - (amount % step);
  if (onStep === 0) return { outcome: 'PASS' };
  const ref = mapping.reference ? first(mapping.reference, json) : null;
  const reference = typeof ref === 'string' || typeof ref === 'number' ? String(ref).slice(0, 100) : null;
  return { outcome: 'BID', amount: onStep, reference };
}
