// How a lead the buyer already holds or owns is marked, and whether it may still be selected.
import type { LeadStanding } from '../../gql/graphql';

export const STANDING_LABEL: Record<Exclude<LeadStanding, 'NONE'>, string> = {
  HELD: 'In your pending order',
  BOUGHT: 'Bought',
};

export function isSelectable(standing: LeadStanding | null | undefined): boolean {
  return !standing || standing === 'NONE';
}
