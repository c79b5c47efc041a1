// What each first-run step asks of a new seller or buyer, in words, and where it is done.
import type { OnboardingStep } from '../../gql/graphql';

export interface StepCopy {
  title: string;
  why: string;
  to: string;
  action: string;
  /** a second way to do the step */
  also?: { to: string; action: string };
}

export const STEP_COPY: Record<OnboardingStep, StepCopy> = {
  ADD_LEAD: {
    title: 'Add your first lead',
    why: 'Fill in the form for one lead, or upload many with the CSV template.',
    to: '/seller/leads/new',
    action: 'Submit a lead',
    also: { to: '/seller/leads/csv', action: 'Upload the CSV template' },
  },
  CONNECT_PAYOUTS: {
    title: 'Connect payouts',
    why: 'Set up your Stripe account so the money from your sales reaches you.',
    to: '/seller/payouts',
    action: 'Set up payouts',
  },
  CREATE_API_KEY: {
    title: 'Create an API key',
    why: 'Send leads from your site or CRM without opening Leadex.',
    to: '/seller/api-keys',
    action: 'Create a key',
  },
  BROWSE_MARKETPLACE: {
    title: 'Browse the marketplace',
    why: 'Filter leads by segment, place, age and score, then pick the ones you want.',
    to: '/marketplace',
    action: 'Open the marketplace',
  },
  BUY_OR_TOP_UP: {
    title: 'Buy a lead or top up your wallet',
    why: 'Pay for an order by card, or add money to your wallet for campaigns.',
    to: '/wallet',
    action: 'Open the wallet',
  },
  CREATE_CAMPAIGN: {
    title: 'Create a campaign',
    why: 'Bid automatically on new leads that match your filter, within your budget.',
    to: '/campaigns/new',
    action: 'Create a campaign',
  },
  SET_WEBHOOK: {
    title: 'Set a webhook',
    why: 'Receive every lead you buy in your own system the moment it is yours.',
    to: '/delivery-endpoints',
    action: 'Add an endpoint',
  },
};

/** The sign-up link for a role, as the front page offers it. */
export function signUpLink(role: 'SELLER' | 'BUYER'): string {
  return `/sign-up?role=${role}`;
}
