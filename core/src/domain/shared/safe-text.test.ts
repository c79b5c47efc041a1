import { DomainError } from './domain-error';
import { assertSafeText, findUnsafeText, unsafeTextReason } from './safe-text';

describe('safe text', () => {
  it('accepts ordinary text, emoji and other astral characters', () => {
    expect(unsafeTextReason('Zoë Ångström, +44 20 7946 0958')).toBeNull();
    expect(unsafeTextReason('🚀 lead 𝒳')).toBeNull();
    expect(unsafeTextReason('')).toBeNull();
  });

  it('refuses NUL anywhere in a string', () => {
    expect(unsafeTextReason('\u0000')).toMatch(/NUL/);
    expect(unsafeTextReason('Ann\u0000Smith')).toMatch(/NUL/);
  });

  it('refuses lone high and low surrogates but not a proper pair', () => {
    expect(unsafeTextReason('\uD800')).toMatch(/surrogate/);
    expect(unsafeTextReason('a\uDC00b')).toMatch(/surrogate/);
    expect(unsafeTextReason('\uD83D\uDE80\uD83D')).toMatch(/surrogate/);
    expect(unsafeTextReason('\uDE80\uD83D')).toMatch(/surrogate/);
    expect(unsafeTextReason('\uD83D\uDE80')).toBeNull();
  });

  it('names the path of every offending value and key in nested input', () => {
    const input = [{ fullName: 'ok', attributes: { note: 'x\u0000', ['k\uD800']: 1, list: ['fine', '\uDFFF'] } }];
    expect(findUnsafeText(input, 'input')).toEqual([
      { path: 'input[0].attributes.note', message: expect.stringMatching(/NUL/) },
      { path: 'input[0].attributes.k\uFFFD', message: expect.stringMatching(/^field name/) },
      { path: 'input[0].attributes.list[1]', message: expect.stringMatching(/surrogate/) },
    ]);
  });

  it('uses the key itself as the path when there is no prefix', () => {
    expect(findUnsafeText({ email: 'a\u0000@b.c' })).toEqual([{ path: 'email', message: expect.any(String) }]);
  });

  it('skips values that are not plain data and numbers, booleans, null', () => {
    class Upload {
      name = '\u0000';
    }
    expect(findUnsafeText({ file: new Upload(), at: new Date(), n: 1, b: true, z: null })).toEqual([]);
  });

  it('walks very deep nesting without exhausting the stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(1);
  });

  it('stops after a bounded number of findings', () => {
    expect(
      findUnsafeText(
        Array.from({ length: 1000 }, () => '\u0000'),
        'x',
        5,
      ),
    ).toHaveLength(5);
  });

  it('throws BAD_USER_INPUT with the fields', () => {
    expect(() => assertSafeText({ name: 'ok' })).not.toThrow();
    try {
      assertSafeText({ name: '\u0000' }, 'input');
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).category).toBe('BAD_USER_INPUT');
      expect((err as DomainError).fields).toEqual([{ path: 'input.name', message: expect.any(String) }]);
    }
  });
});
