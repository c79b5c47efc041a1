import { normalizedEmailKey } from '../leads/contact.rules';
import { MAX_SUPPRESSIONS_PER_CALL, suppressionKeys, suppressionKeysOf } from './suppression.rules';

describe('suppression entries', () => {
  it('reads an international phone into the same key a lead carries', () => {
    expect(suppressionKeys({ phone: '+1 (213) 373-4253' }, 'c').keys).toEqual([{ kind: 'PHONE', key: '+12133734253' }]);
  });

  it('reads a national phone in the given country', () => {
    expect(suppressionKeys({ phone: '030 901820', country: 'de' }, 'c').keys).toEqual([{ kind: 'PHONE', key: '+4930901820' }]);
  });

  it('refuses a national phone without a country, naming the field and not the value', () => {
    const { keys, errors } = suppressionKeys({ phone: '2133734253' }, 'contacts[3]');
    expect(keys).toEqual([]);
    expect(errors).toEqual([{ path: 'contacts[3].phone', message: expect.not.stringContaining('2133734253') }]);
  });

  it('folds an e-mail like duplicate detection does (case, +tag, Gmail dots)', () => {
    expect(suppressionKeys({ email: ' J.Doe+promo@GoogleMail.com ' }, 'c').keys).toEqual([{ kind: 'EMAIL', key: normalizedEmailKey('jdoe@gmail.com') }]);
  });

  it('keeps both keys of an entry with a phone and an e-mail', () => {
    expect(suppressionKeys({ phone: '+442071838750', email: 'a@example.com' }, 'c').keys.map((k) => k.kind)).toEqual(['PHONE', 'EMAIL']);
  });

  it('refuses an empty entry, a bad e-mail and an unknown country', () => {
    expect(suppressionKeys({ phone: ' ', email: '' }, 'c').errors).toEqual([{ path: 'c', message: 'give a phone, an e-mail or both' }]);
    expect(suppressionKeys({ email: 'not-an-address' }, 'c').errors[0]!.path).toBe('c.email');
    expect(suppressionKeys({ phone: '030 901820', country: 'XX' }, 'c').errors.map((e) => e.path)).toEqual(['c.country', 'c.phone']);
  });

  it('refuses more entries than one call may carry', () => {
    const many = Array.from({ length: MAX_SUPPRESSIONS_PER_CALL + 1 }, () => ({ email: 'a@example.com' }));
    expect(suppressionKeysOf(many).errors).toEqual([{ path: 'contacts', message: expect.stringContaining(String(MAX_SUPPRESSIONS_PER_CALL)) }]);
  });
});
