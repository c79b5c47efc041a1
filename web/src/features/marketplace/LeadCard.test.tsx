import { render, screen, within } from '@testing-library/react';
import type { LeadCardFieldsFragment } from '../../gql/graphql';
import { LeadCard } from './LeadCard';

const checkedAt = new Date().toISOString();
const lead = (checks: LeadCardFieldsFragment['checks']): LeadCardFieldsFragment =>
  ({
    id: 'lead_1',
    segment: 'INSURANCE',
    subsegment: null,
    country: 'US',
    region: 'US-CA',
    city: 'Los Angeles',
    geoTier: 'TIER_1',
    kind: 'INTERESTED',
    temperature: 'HOT',
    score: 81,
    capturedAt: checkedAt,
    exclusivity: 'SHARED',
    maxSales: 3,
    salesCount: 0,
    verification: checks.every((c) => c.passed) ? 'VERIFIED' : 'UNVERIFIED',
    price: { amount: '25.00', currencyCode: 'USD' },
    seller: { id: 'org_1', name: 'Sunrise Media', qualityScore: 88 },
    preview: { initials: 'J. D.', phone: null, email: null, city: 'Los Angeles' },
    checks,
  }) as LeadCardFieldsFragment;

describe('<LeadCard> checks', () => {
  it('lists what was checked, ✓ for a passed check and ✗ for a failed one', () => {
    render(
      <LeadCard
        segments={[]}
        lead={lead([
          { name: 'UNIQUE_CONTACT', passed: true, checkedAt },
          { name: 'REAL_MAILBOX', passed: false, checkedAt },
        ])}
      />,
    );
    const list = within(screen.getByRole('list', { name: 'Checks' }));
    const items = list.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['✓ Unique contact passed', '✗ Real mailbox failed']);
    expect(screen.getByText('Unverified')).toBeTruthy();
  });

  it('shows no checks list for a lead not yet checked', () => {
    render(<LeadCard segments={[]} lead={lead([])} />);
    expect(screen.queryByRole('list', { name: 'Checks' })).toBeNull();
  });
});

describe('<LeadCard> seller conversion', () => {
  const segments = [{ code: 'INSURANCE', name: 'Insurance', subsegments: [] }] as never;

  it('shows how the seller converts in the segment, from how many outcomes', () => {
    render(<LeadCard segments={segments} lead={{ ...lead([]), sellerConversion: { rate: 0.12, outcomes: 240, factor: 1.04 } }} />);
    expect(screen.getByText('converts 12% in Insurance, from 240 outcomes')).toBeTruthy();
  });

  it('says nothing about conversion before buyers report an outcome', () => {
    render(<LeadCard segments={segments} lead={{ ...lead([]), sellerConversion: null }} />);
    expect(screen.queryByText(/converts/)).toBeNull();
  });
});
