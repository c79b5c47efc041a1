import type { LeadStatus } from '@leadex/db';
import { statusAfterExpiry } from './expiry.rules';

const now = new Date('2026-12-01T00:00:00Z');
const lead = { status: 'LISTED' as LeadStatus, expiresAt: new Date('2026-11-30T23:59:59Z'), reservedCount: 0 };

describe('lead expiry', () => {
  it('expires a listed lead at or past its TTL', () => {
    expect(statusAfterExpiry(lead, now)).toBe('EXPIRED');
    expect(statusAfterExpiry({ ...lead, expiresAt: now }, now)).toBe('EXPIRED');
  });
  it('keeps a lead before its TTL, one held by an unpaid order, and any lead not on the market', () => {
    expect(statusAfterExpiry({ ...lead, expiresAt: new Date(now.getTime() + 1) }, now)).toBe('LISTED');
    expect(statusAfterExpiry({ ...lead, reservedCount: 1 }, now)).toBe('LISTED');
    for (const status of ['SOLD_OUT', 'WITHDRAWN', 'REJECTED', 'PENDING_VERIFICATION', 'EXPIRED'] as const)
      expect(statusAfterExpiry({ ...lead, status }, now)).toBe(status);
  });
});
