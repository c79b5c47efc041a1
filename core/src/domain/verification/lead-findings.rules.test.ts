import type { Actor } from '../auth/access';
import { mayReadLeadFindings, visibleSignals } from './lead-findings.rules';

const actor = (role: Actor['role'], organizationId: string, via: Actor['via'] = 'session'): Actor => ({
  userId: via === 'session' ? 'usr_1' : null,
  organizationId,
  role,
  via,
});
const lead = {
  sellerOrgId: 'org_seller',
  signals: [
    { code: 'FAST_FORM_FILL', message: 'filled in 2 s' },
    { code: 'FREE_EMAIL', field: 'email', message: 'a free mailbox' },
  ],
};

describe("who may read a lead's findings and signals", () => {
  it('lets the owning seller read them, signed in or through an API key', () => {
    expect(mayReadLeadFindings(actor('SELLER', 'org_seller'), lead)).toBe(true);
    expect(mayReadLeadFindings(actor('SELLER', 'org_seller', 'apiKey'), lead)).toBe(true);
  });

  it('lets any operator read them', () => {
    expect(mayReadLeadFindings(actor('OPERATOR', 'org_platform'), lead)).toBe(true);
  });

  it('keeps them from other sellers, from buyers (even paying ones) and from anonymous callers', () => {
    expect(mayReadLeadFindings(actor('SELLER', 'org_other'), lead)).toBe(false);
    expect(mayReadLeadFindings(actor('BUYER', 'org_buyer'), lead)).toBe(false);
    expect(mayReadLeadFindings(null, lead)).toBe(false);
  });
});

describe('a lead’s signals as issues', () => {
  it('shows them to the owner as warnings with a null field when none was named', () => {
    expect(visibleSignals(actor('SELLER', 'org_seller'), lead)).toEqual([
      { code: 'FAST_FORM_FILL', field: null, message: 'filled in 2 s', severity: 'WARNING' },
      { code: 'FREE_EMAIL', field: 'email', message: 'a free mailbox', severity: 'WARNING' },
    ]);
  });

  it('answers null, not an empty list, to anyone else', () => {
    expect(visibleSignals(actor('BUYER', 'org_buyer'), lead)).toBeNull();
    expect(visibleSignals(null, { ...lead, signals: [] })).toBeNull();
  });
});
