// The navigation per role: what each kind of user can open.
import type { Role } from '../gql/graphql';

export interface NavItem {
  to: string;
  label: string;
}

export function navItemsFor(role: Role | null): NavItem[] {
  const calculator = { to: '/calculator', label: 'CPL calculator' };
  switch (role) {
    case null:
      return [calculator];
    case 'BUYER':
      return [
        { to: '/marketplace', label: 'Marketplace' },
        { to: '/campaigns', label: 'Campaigns' },
        { to: '/wallet', label: 'Wallet' },
        { to: '/purchases', label: 'My purchases' },
        { to: '/deliveries', label: 'Deliveries' },
        { to: '/delivery-endpoints', label: 'Delivery endpoints' },
        { to: '/suppression', label: 'Suppression list' },
        { to: '/dashboard', label: 'Dashboard' },
        calculator,
      ];
    case 'SELLER':
      return [
        { to: '/seller/listings', label: 'My listings' },
        { to: '/seller/leads/new', label: 'Submit a lead' },
        { to: '/seller/leads/csv', label: 'CSV upload' },
        { to: '/seller/sales', label: 'Sales' },
        { to: '/seller/returns', label: 'Returns' },
        { to: '/seller/payouts', label: 'Payouts' },
        { to: '/seller/api-keys', label: 'API keys' },
        { to: '/seller/origins', label: 'Form origins' },
        { to: '/marketplace', label: 'Marketplace' },
        calculator,
      ];
    case 'OPERATOR':
      return [
        { to: '/operator/disputes', label: 'Disputes' },
        { to: '/operator/verification', label: 'Spot-checks' },
        { to: '/operator/sellers', label: 'Sellers' },
        { to: '/operator/ledger', label: 'Ledger' },
        { to: '/operator/price-grid', label: 'Price grid' },
        { to: '/operator/price-factors', label: 'Price factors' },
        { to: '/operator/commission', label: 'Commission' },
        { to: '/operator/return-policies', label: 'Returns' },
        { to: '/marketplace', label: 'Marketplace' },
        calculator,
      ];
  }
}
