import type { Actor } from '../auth/access';
import { encodeAutoCheck } from './dispute-recheck.rules';
import { mayReadRecheck, mayReadReplacement, recheckFindingOf, visibleRecheck, visibleSellerResponse } from './dispute-view.rules';

const actor = (role: Actor['role'], organizationId: string): Actor => ({ userId: 'usr_1', organizationId, role, via: 'session' });
const checkedAt = new Date('2026-12-01T10:00:00Z');
const dispute = {
  buyerOrgId: 'org_buyer',
  autoCheck: encodeAutoCheck('re-check failed: UNIQUE_CONTACT', [{ name: 'UNIQUE_CONTACT', passed: false, checkedAt }]),
};

describe("who reads a dispute's re-check list", () => {
  it('is the buying organization and operators', () => {
    expect(mayReadRecheck(actor('BUYER', 'org_buyer'), dispute)).toBe(true);
    expect(mayReadRecheck(actor('OPERATOR', 'org_platform'), dispute)).toBe(true);
  });

  it('is not the seller, another buyer or an anonymous caller', () => {
    expect(mayReadRecheck(actor('SELLER', 'org_seller'), dispute)).toBe(false);
    expect(mayReadRecheck(actor('BUYER', 'org_other'), dispute)).toBe(false);
    // a seller organization id equal to the buyer's is still not a buyer
    expect(mayReadRecheck(actor('SELLER', 'org_buyer'), dispute)).toBe(false);
    expect(mayReadRecheck(null, dispute)).toBe(false);
  });

  it('gives the allowed reader the checks and everyone else null', () => {
    expect(visibleRecheck(actor('BUYER', 'org_buyer'), dispute)).toEqual([{ name: 'UNIQUE_CONTACT', passed: false, checkedAt }]);
    expect(visibleRecheck(actor('SELLER', 'org_seller'), dispute)).toBeNull();
  });

  it('has no checks for a dispute opened before the re-check existed, but keeps its finding', () => {
    const old = { buyerOrgId: 'org_buyer', autoCheck: 'contact answered' };
    expect(visibleRecheck(actor('OPERATOR', 'org_platform'), old)).toBeNull();
    expect(recheckFindingOf(old)).toBe('contact answered');
    expect(recheckFindingOf({ autoCheck: null })).toBeNull();
  });
});

describe("who reads the seller's answer and the replacement", () => {
  const answered = { buyerOrgId: 'org_buyer', sellerOrgId: 'org_seller', sellerResponse: 'Called them: they asked for it.' };
  it('the answer: the seller who wrote it and operators, not the buyer nor another seller', () => {
    expect(visibleSellerResponse(actor('SELLER', 'org_seller'), answered)).toBe(answered.sellerResponse);
    expect(visibleSellerResponse(actor('OPERATOR', 'org_platform'), answered)).toBe(answered.sellerResponse);
    expect(visibleSellerResponse(actor('SELLER', 'org_other'), answered)).toBeNull();
    expect(visibleSellerResponse(actor('BUYER', 'org_buyer'), answered)).toBeNull();
    expect(visibleSellerResponse(null, answered)).toBeNull();
  });
  it('the replacement: the buyer and operators', () => {
    expect(mayReadReplacement(actor('BUYER', 'org_buyer'), answered)).toBe(true);
    expect(mayReadReplacement(actor('OPERATOR', 'org_platform'), answered)).toBe(true);
    expect(mayReadReplacement(actor('SELLER', 'org_seller'), answered)).toBe(false);
  });
});
