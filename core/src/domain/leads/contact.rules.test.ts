import examples from 'libphonenumber-js/mobile/examples';
import { maskEmail, maskName, maskPhone, maskPhoneParts, normalizeContact, normalizedEmailKey, normalizedPhoneKey } from './contact.rules';
import type { TLeadInput } from './lead.types';

function lead(overrides: Partial<TLeadInput> = {}): TLeadInput {
  return {
    segment: 'FINANCE',
    subsegment: 'LOAN',
    country: 'US',
    fullName: 'John Doe',
    phone: null,
    email: null,
    socialUrl: null,
    kind: 'QUICK',
    sourceChannel: 'SEO',
    capturedAt: new Date('2025-06-01T10:00:00Z'),
    consent: { text: 'I agree to be contacted.', timestamp: new Date('2025-06-01T10:00:00Z') },
    exclusivity: 'SHARED',
    ...overrides,
  };
}

const codes = (input: TLeadInput) => normalizeContact(input).issues.map((issue) => issue.code);

describe('normalizeContact: phone', () => {
  it.each([
    ['US', '+14155552671', '+14155552671'],
    ['US', '+1 (415) 555-2671', '+14155552671'],
    ['GB', '+447400123456', '+447400123456'],
    ['RU', '+79161234567', '+79161234567'],
    ['DE', '+4915123456789', '+4915123456789'],
    ['VN', '+84912345678', '+84912345678'],
  ])('accepts a valid %s number in international format (%s)', (country, raw, e164) => {
    const { contact, issues } = normalizeContact(lead({ country, phone: raw }));
    expect(issues).toEqual([]);
    expect(contact.phoneE164).toBe(e164);
    expect(contact.phoneCountry).toBe(country);
  });

  it.each([
    ['US', '(415) 555-2671', '+14155552671'],
    ['GB', '07400 123456', '+447400123456'],
    ['RU', '8 916 123-45-67', '+79161234567'],
    ['DE', '0151 23456789', '+4915123456789'],
    ['VN', '0912 345 678', '+84912345678'],
  ])("reads a national-format number in the lead's country (%s %s)", (country, raw, e164) => {
    const { contact, issues } = normalizeContact(lead({ country, phone: raw }));
    expect(issues).toEqual([]);
    expect(contact.phoneE164).toBe(e164);
  });

  it("rejects a phone that is not valid for the lead's country", () => {
    // 415 555 2671 is a US number; read as British it is not a number at all
    const { contact, issues } = normalizeContact(lead({ country: 'GB', phone: '4155552671', email: 'john@example.com' }));
    expect(contact.phoneE164).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: 'PHONE_INVALID', field: 'phone', severity: 'ERROR' })]);
  });

  it.each([
    ['an unassigned area code', '+15555555555'],
    ['a number one digit short', '+7916123456'],
    ['a zero country code', '+70001234567'],
    ['words', 'call me maybe'],
    ['a number buried in text', 'tel +14155552671 after 6pm'],
  ])('rejects %s', (_label, raw) => {
    expect(codes(lead({ phone: raw, email: 'john@example.com' }))).toEqual(['PHONE_INVALID']);
  });

  it('names the phone field in its finding, never the number (findings are stored and shown again)', () => {
    const [issue] = normalizeContact(lead({ country: 'DE', phone: '+49 11 1234', email: 'john@example.com' })).issues;
    expect(issue).toMatchObject({ code: 'PHONE_INVALID', field: 'phone' });
    expect(issue!.message).toMatch(/^phone is not a valid number for DE/);
    expect(issue!.message).not.toMatch(/1234/);
  });

  it("keeps the country a number belongs to when it differs from the lead's", () => {
    const { contact, issues } = normalizeContact(lead({ country: 'US', phone: '+79161234567' }));
    expect(issues).toEqual([]);
    expect(contact.phoneCountry).toBe('RU');
  });

  it('reports the crown dependency a +44 number belongs to, as the numbering plan does', () => {
    // 07911 1… is a Guernsey mobile range in libphonenumber's metadata, not a GB one
    expect(normalizeContact(lead({ country: 'GB', phone: '+447911123456' })).contact.phoneCountry).toBe('GG');
  });

  it("still parses international numbers when the lead's country is unknown to the library", () => {
    expect(normalizeContact(lead({ country: 'XX', phone: '+14155552671' })).contact.phoneE164).toBe('+14155552671');
  });

  it('treats a blank phone as not given', () => {
    expect(codes(lead({ phone: '   ', email: 'john@example.com' }))).toEqual([]);
  });
});

describe('normalizeContact: e-mail, social link, name', () => {
  it('trims and lower-cases the e-mail', () => {
    expect(normalizeContact(lead({ email: '  John.Doe@Example.COM ' })).contact.email).toBe('john.doe@example.com');
  });

  it.each(['john@', 'john.example.com', 'john@example', 'john doe@example.com'])('rejects the e-mail %s', (email) => {
    const { contact, issues } = normalizeContact(lead({ email, phone: '+14155552671' }));
    expect(contact.email).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: 'EMAIL_INVALID', field: 'email', severity: 'ERROR' })]);
  });

  it('names the e-mail field in its finding, never the address', () => {
    const [issue] = normalizeContact(lead({ email: 'maria.secret@@example.org', phone: '+14155552671' })).issues;
    expect(issue).toMatchObject({ code: 'EMAIL_INVALID', field: 'email', message: 'email is not a valid e-mail address.' });
  });

  it('accepts an http(s) profile link as the only contact', () => {
    const { contact, issues } = normalizeContact(lead({ socialUrl: ' https://vk.com/id123 ' }));
    expect(issues).toEqual([]);
    expect(contact.socialUrl).toBe('https://vk.com/id123');
  });

  it.each(['vk.com/id123', 'ftp://example.com/me', 'javascript:alert(1)', 'not a url'])('rejects the profile link %s', (socialUrl) => {
    expect(codes(lead({ socialUrl, phone: '+14155552671' }))).toEqual(['SOCIAL_URL_INVALID']);
  });

  it('collapses whitespace in the name', () => {
    expect(normalizeContact(lead({ fullName: '  Mary \t Ann   Smith ', email: 'm@example.com' })).contact.fullName).toBe('Mary Ann Smith');
  });

  it.each([
    ['a single letter', 'J'],
    ['no letter at all', '12 34'],
    ['121 characters', 'a'.repeat(121)],
    ['only spaces', '   '],
  ])('rejects a name with %s', (_label, fullName) => {
    expect(codes(lead({ fullName, email: 'john@example.com' }))).toEqual(['NAME_INVALID']);
  });

  it.each([
    ['two letters', 'Li'],
    ['120 characters', 'a'.repeat(120)],
    ['Cyrillic', 'Иван Петров'],
    ['Vietnamese', 'Nguyễn Văn An'],
  ])('accepts a name with %s', (_label, fullName) => {
    expect(codes(lead({ fullName, email: 'john@example.com' }))).toEqual([]);
  });

  it('rejects a lead with a name but no way to reach the person', () => {
    const { issues } = normalizeContact(lead());
    expect(issues).toEqual([expect.objectContaining({ code: 'CONTACT_MISSING', field: 'phone', severity: 'ERROR' })]);
  });

  it('counts an invalid phone as no contact at all', () => {
    expect(codes(lead({ phone: '+15555555555' }))).toEqual(['PHONE_INVALID', 'CONTACT_MISSING']);
  });

  it('trims the preferred contact time and treats blank as not given', () => {
    const base = { email: 'john@example.com' };
    expect(normalizeContact(lead({ ...base, preferredContactTime: ' after  6pm ' })).contact.preferredContactTime).toBe('after 6pm');
    expect(normalizeContact(lead({ ...base, preferredContactTime: ' ' })).contact.preferredContactTime).toBeNull();
  });
});

describe('masking for the marketplace', () => {
  it.each([
    ['John Doe', 'J. D.'],
    ['  mary   ann smith ', 'M. A. S.'],
    ['Анна Петрова', 'А. П.'],
    ['Cher', 'C.'],
    ["O'Neil (Jr.)", 'O. J.'],
  ])('shows only the initials of %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['+14155552671', '+1 ••• ••• ••71'],
    ['+4915123456789', '+49 ••• ••• ••• 89'],
    ['+79161234567', '+7 ••• ••• ••67'],
    ['+84912345678', '+84 ••• ••• •78'],
    ['+447400123456', '+44 ••• ••• ••56'],
    ['+4930123456', '+49 ••• ••• 56'],
  ])('masks %s down to the calling code and the last two digits', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });

  it('never reveals more digits than the calling code and the last two', () => {
    for (const e164 of ['+14155552671', '+4915123456789', '+79161234567', '+84912345678', '+447400123456']) {
      const shown = maskPhone(e164).replace(/\D/g, '');
      const callingCode = maskPhone(e164).split(' ')[0]!.slice(1);
      expect(shown).toBe(callingCode + e164.slice(-2));
    }
  });

  it.each([
    ['john.doe@gmail.com', 'j•••@g•••.com'],
    ['Ivan@Mail.Yandex.RU', 'i•••@m•••.ru'],
    ['a@b.co', 'a•••@b•••.co'],
    ['not-an-email', '•••'],
  ])('masks the e-mail %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe('masking a phone from its first parse', () => {
  // submitLeads masks from normalizeContact's parse instead of parsing the E.164 again: the two must agree
  it("matches maskPhone for every country's example mobile number, national and international", () => {
    const seen = new Set<string>();
    for (const [country, national] of Object.entries(examples as Record<string, string>)) {
      for (const phone of [national, `+${normalizeContact({ fullName: 'Ann Lee', phone: national, country } as TLeadInput).contact.phoneE164?.slice(1)}`]) {
        const { contact, phoneParts } = normalizeContact({ fullName: 'Ann Lee', phone, country } as TLeadInput);
        if (!contact.phoneE164) continue;
        expect(phoneParts).not.toBeNull();
        expect(maskPhoneParts(phoneParts!)).toBe(maskPhone(contact.phoneE164));
        seen.add(country);
      }
    }
    expect(seen.size).toBeGreaterThan(200);
  });
});

describe('duplicate-detection keys', () => {
  it('keys a phone by its E.164 digits', () => {
    expect(normalizedPhoneKey('+1 415-555-2671')).toBe('+14155552671');
    expect(normalizedPhoneKey('+14155552671')).toBe('+14155552671');
  });

  it('folds Gmail dots, +tags and googlemail.com into one mailbox', () => {
    expect(normalizedEmailKey('J.Doe+promo@GoogleMail.com')).toBe('jdoe@gmail.com');
    expect(normalizedEmailKey('jdoe@gmail.com')).toBe('jdoe@gmail.com');
    expect(normalizedEmailKey(' john.doe+leads@gmail.com ')).toBe('johndoe@gmail.com');
  });

  it('drops only the +tag for other providers, keeping dots', () => {
    expect(normalizedEmailKey('John.Doe+x@Example.com')).toBe('john.doe@example.com');
    expect(normalizedEmailKey('john.doe@example.com')).toBe('john.doe@example.com');
  });
});
