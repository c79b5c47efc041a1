// The marketplace's keyset cursors (lead-filter.ts): only what encodeCursor wrote, for the same sort, is read back.
import { decodeCursor, encodeCursor } from './lead-filter';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const row = { capturedAt: new Date('2026-11-01T08:00:00.000Z'), price: 1250, score: 73, id: 'lead_01jd3k5qv1' };

describe('marketplace cursors', () => {
  it('round-trips every sort', () => {
    expect(decodeCursor('NEWEST', encodeCursor('NEWEST', row))).toEqual({ key: '2026-11-01T08:00:00.000Z', id: row.id });
    expect(decodeCursor('PRICE_ASC', encodeCursor('PRICE_ASC', row))).toEqual({ key: 1250, id: row.id });
    expect(decodeCursor('PRICE_DESC', encodeCursor('PRICE_DESC', row))).toEqual({ key: 1250, id: row.id });
    expect(decodeCursor('SCORE_DESC', encodeCursor('SCORE_DESC', row))).toEqual({ key: 73, id: row.id });
  });

  it('refuses a cursor of another sort', () => {
    expect(decodeCursor('PRICE_ASC', encodeCursor('NEWEST', row))).toBeNull();
  });

  it.each([
    ['garbage', 'NEWEST', 'not-a-cursor'],
    ['a fraction for a price', 'PRICE_ASC', b64(['PRICE_ASC', 12.5, 'lead_1'])],
    ['a price beyond safe integers', 'PRICE_DESC', b64(['PRICE_DESC', 1e300, 'lead_1'])],
    ['a text price', 'PRICE_ASC', b64(['PRICE_ASC', 'abc', 'lead_1'])],
    ['a score out of int4', 'SCORE_DESC', b64(['SCORE_DESC', 3_000_000_000, 'lead_1'])],
    ['a loose date', 'NEWEST', b64(['NEWEST', 'June 1', 'lead_1'])],
    ['a number for NEWEST', 'NEWEST', b64(['NEWEST', 0, 'lead_1'])],
    ['a NUL in the id', 'NEWEST', b64(['NEWEST', '2026-11-01T08:00:00.000Z', 'lead\u0000'])],
    ['an extra part', 'SCORE_DESC', b64(['SCORE_DESC', 1, 'lead_1', 'x'])],
  ] as const)('refuses %s', (_name, sort, cursor) => {
    expect(decodeCursor(sort, cursor)).toBeNull();
  });
});
