import { DomainError } from './domain-error';
import { cursorTime, decodeNewestFirstCursor, encodeNewestFirstCursor } from './newest-first-page';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function refusal(cursor: string): DomainError {
  try {
    decodeNewestFirstCursor(cursor);
  } catch (err) {
    return err as DomainError;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe('newest-first cursors', () => {
  it('reads back what it wrote', () => {
    const at = new Date('2026-11-30T12:34:56.789Z');
    expect(decodeNewestFirstCursor(encodeNewestFirstCursor({ at, id: 'pur_01jd3k5qv1xyz' }))).toEqual({ at, id: 'pur_01jd3k5qv1xyz' });
  });

  it.each([
    ['not base64 JSON', 'garbage!!'],
    ['empty JSON', b64('')],
    ['an object', b64({ at: '2026-01-01T00:00:00.000Z', id: 'x' })],
    ['a wrong arity', b64(['2026-01-01T00:00:00.000Z'])],
    ['a NUL in the id', b64(['2026-01-01T00:00:00.000Z', 'pur_\u0000'])],
    ['SQL in the id', b64(['2026-01-01T00:00:00.000Z', "x' or 1=1 --"])],
    ['a number for the id', b64(['2026-01-01T00:00:00.000Z', 42])],
    ['a year the database cannot store', b64(['0000-01-01T00:00:00.000Z', 'pur_1'])],
    ['a six-digit year', b64(['+275760-09-13T00:00:00.000Z', 'pur_1'])],
    ['a date that rolls over', b64(['2026-02-31T00:00:00.000Z', 'pur_1'])],
    ['a number for the time', b64([1e20, 'pur_1'])],
    ['a very long cursor', 'A'.repeat(10_000)],
  ])('refuses %s as INVALID_CURSOR on after', (_name, cursor) => {
    const err = refusal(cursor);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('INVALID_CURSOR');
    expect(err.category).toBe('BAD_USER_INPUT');
    expect(err.fields[0]?.path).toBe('after');
  });

  it('accepts only canonical ISO timestamps', () => {
    expect(cursorTime('2026-12-01T00:00:00.000Z')).toEqual(new Date('2026-12-01T00:00:00.000Z'));
    expect(cursorTime('2026-12-01')).toBeNull();
    expect(cursorTime('2026-12-01T00:00:00Z')).toBeNull();
    expect(cursorTime(Date.now())).toBeNull();
  });
});
