import { contactMatches } from './contact-search.rules';

const ana = { fullName: 'Ana Sílva', email: 'ana.silva@example.com', phone: '+14155550123' };

describe('contactMatches', () => {
  it('finds a contact by part of the name, ignoring case and accents', () => {
    expect(contactMatches(ana, 'silva')).toBe(true);
    expect(contactMatches(ana, 'ANA S')).toBe(true);
    expect(contactMatches(ana, 'bob')).toBe(false);
  });

  it('finds a contact by e-mail', () => {
    expect(contactMatches(ana, 'silva@example')).toBe(true);
  });

  it('finds a contact by phone digits however they are typed', () => {
    expect(contactMatches(ana, '(415) 555')).toBe(true);
    expect(contactMatches(ana, '+1 415 555 0123')).toBe(true);
    expect(contactMatches(ana, '41')).toBe(false);
    expect(contactMatches({ ...ana, phone: null }, '415')).toBe(false);
  });
});
