// The navigation per role: what each kind of user can open.
import type { MemberRole, Role } from '../gql/graphql';

export interface NavItem {
  to: string;
  label: string;
}

/** `memberRole`: the user's role inside the organisation; a seller's or buyer's audit log is for its owners. */
export function navItemsFor(role: Role | null, memberRole: MemberRole | null = null): NavItem[] {
  const calculator = { to: '/calculator', label: 'CPL calculator' };
  const owner = memberRole === 'OWNER';
  const audit = owner ? [{ to: '/audit', label: 'Audit log' }] : [];
  const team = { to: '/team', label: 'Team' };
  switch (role) {
    case null:
      return [calculator];
    case 'BUYER':
      return [
        { to: '/marketplace', label: 'Marketplace' },
        { to: '/campaigns', label: 'Campaigns' },
        { to: '/orders', label: 'Orders' },
        { to: '/wallet', label: 'Wallet' },
        { to: '/purchases', label: 'My purchases' },
        { to: '/deliveries', label: 'Deliveries' },
        { to: '/delivery-endpoints', label: 'Delivery endpoints' },
        { to: '/suppression', label: 'Suppression list' },
        { to: '/dashboard', label: 'Dashboard' },
        ...audit,
        team,
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
        ...audit,
        team,
        calculator,
      ];
    case 'OPERATOR':
      return [
        { to: '/operator/overview', label: 'Overview' },
        { to: '/operator/disputes', label: 'Disputes' },
        { to: '/operator/verification', label: 'Spot-checks' },
        { to: '/operator/sellers', label: 'Sellers' },
        { to: '/operator/ledger', label: 'Ledger' },
        { to: '/operator/price-grid', label: 'Price grid' },
        { to: '/operator/price-factors', label: 'Price factors' },
        { to: '/operator/commission', label: 'Commission' },
        { to: '/operator/return-policies', label: 'Returns' },
        { to: '/audit', label: 'Audit log' },
        { to: '/marketplace', label: 'Marketplace' },
        team,
        calculator,
      ];
  }
}

/** Beside the signed-in user in the header, for every role. */
export function accountNavItems(): NavItem[] {
  return [{ to: '/security', label: 'Security' }];
}

// Less-used links per role, shown behind the navigation's "More" button so that each role's row fits 1280 px.
const SHARED_MORE = ['/audit', '/team', '/calculator'];
const MORE_LINKS: Record<Role, ReadonlySet<string>> = {
  BUYER: new Set([...SHARED_MORE, '/suppression', '/delivery-endpoints', '/dashboard']),
  SELLER: new Set([...SHARED_MORE, '/seller/api-keys', '/seller/origins', '/marketplace']),
  OPERATOR: new Set([...SHARED_MORE, '/operator/price-factors', '/operator/commission', '/operator/return-policies', '/marketplace']),
};

/** The role's links split into the row (`primary`) and the "More" menu; a visitor's few links all stay in the row. */
export function splitNav(items: readonly NavItem[], role: Role | null): { primary: NavItem[]; more: NavItem[] } {
  const more = role ? MORE_LINKS[role] : null;
  if (!more) return { primary: [...items], more: [] };
  return { primary: items.filter((i) => !more.has(i.to)), more: items.filter((i) => more.has(i.to)) };
}
