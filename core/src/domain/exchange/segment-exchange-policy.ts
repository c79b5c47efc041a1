// A segment's exchange policy as the operator sets it (setSegmentPolicy): the distribution method and the margin on
// exchange sales, validated and turned into the segments row's columns.
import type { schema } from '@leadex/db';
import { z } from 'zod';
import { badInput, type FieldError } from '../shared/domain-error';
import { parseDecimal, moneyInputErrors } from '../shared/money';
import { parseInput } from '../shared/validation';
import { DISTRIBUTION_METHODS, MARGIN_KINDS } from './distribution.types';
import { MAX_MARGIN_BPS } from './margin.rules';

export const ZSegmentExchangePolicy = z.object({
  distributionMethod: z.enum(DISTRIBUTION_METHODS).nullish(),
  margin: z
    .object({
      kind: z.enum(MARGIN_KINDS),
      /** FIXED: an amount in the platform currency, e.g. "2.50" */
      amount: z.string().trim().max(32).nullish(),
      /** PERCENT: a fraction of the buyer price from 0 to 1 with up to four decimals (basis points), e.g. "0.1" */
      rate: z.string().trim().max(16).nullish(),
    })
    .nullish(),
});

type SegmentColumns = Partial<Pick<typeof schema.segments.$inferInsert, 'distributionMethod' | 'marginKind' | 'marginValue'>>;

/** The segments columns a policy change sets (nothing for what it leaves out); BAD_USER_INPUT for a bad one. */
export function segmentExchangeColumns(raw: unknown, currency: string): SegmentColumns {
  const change = parseInput(ZSegmentExchangePolicy, raw, '');
  const set: SegmentColumns = {};
  if (change.distributionMethod) set.distributionMethod = change.distributionMethod;
  const m = change.margin;
  if (!m) return set;
  const fields: FieldError[] = [];
  const refuse = (path: string, message: string) => fields.push({ path: `margin.${path}`, message });
  if (m.kind !== 'FIXED' && m.amount != null) refuse('amount', 'only for a FIXED margin');
  if (m.kind !== 'PERCENT' && m.rate != null) refuse('rate', 'only for a PERCENT margin');
  let value = 0;
  if (m.kind === 'FIXED') {
    if (m.amount == null) refuse('amount', `a FIXED margin needs an amount in ${currency}`);
    else fields.push(...moneyInputErrors(m.amount, currency, 'margin.amount', { min: 0 }));
    value = fields.length ? 0 : parseDecimal(m.amount!, currency)!;
  }
  if (m.kind === 'PERCENT') {
    if (m.rate == null || !/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(m.rate)) refuse('rate', 'a fraction from 0 to 1 (0–100%), e.g. "0.1"');
    else value = Math.min(MAX_MARGIN_BPS, Math.round(Number(m.rate) * 10_000));
  }
  if (fields.length) throw badInput(fields);
  return { ...set, marginKind: m.kind, marginValue: value };
}
