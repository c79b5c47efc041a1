import { displayPhone, emailParts } from './phone-format';

describe('displayPhone', () => {
  it('formats a number of the lead’s country nationally', () => {
    expect(displayPhone('+14155550177', 'US')).toBe('(415) 555-0177');
    expect(displayPhone('+447911123456', 'GB')).toBe('07911 123456');
  });

  it('keeps the country code for a number from elsewhere, and leaves what it cannot read', () => {
    expect(displayPhone('+447911123456', 'US')).toBe('+44 7911 123456');
    expect(displayPhone('not a phone', 'US')).toBe('not a phone');
  });
});

describe('emailParts', () => {
  it('splits before the last @', () => {
    expect(emailParts('ana.silva@example.com')).toEqual(['ana.silva', '@example.com']);
    expect(emailParts('nobody')).toEqual(['nobody', '']);
  });
});
