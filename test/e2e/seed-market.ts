// What the buyer and operator journeys start from, made through the API: a seller's leads, listed by
// the spot-check worker (the journeys run with workers).
import { SUBMIT_LEADS } from '../helpers/operations';
import { MARKETPLACE } from '../helpers/operations';
import type { TestApp } from '../helpers/test-app';
import type { TestUser } from '../helpers/actors';
import { waitFor } from '../helpers/wait';

interface SubmitResult {
  submitLeads: { accepted: number; results: { lead: { id: string } | null; issues: { code: string }[] }[] };
}

/** Submits the leads as the seller and waits until a buyer sees all of them on the marketplace. */
export async function listThroughApi(app: TestApp, seller: TestUser, buyer: TestUser, leads: Record<string, unknown>[]): Promise<string[]> {
  const res = await app.client({ token: seller.token }).request<SubmitResult>(SUBMIT_LEADS, { input: leads });
  if (res.submitLeads.accepted !== leads.length) throw new Error(`leads rejected: ${JSON.stringify(res.submitLeads.results.map((r) => r.issues))}`);
  const ids = res.submitLeads.results.map((r) => r.lead!.id);
  await waitFor(
    async () => {
      const market = await app.client({ token: buyer.token }).request<{ marketplace: { edges: { node: { id: string } }[] } }>(MARKETPLACE, { first: 100 });
      const listed = new Set(market.marketplace.edges.map((e) => e.node.id));
      return ids.every((id) => listed.has(id));
    },
    'the spot-check worker to list the leads',
    20_000,
  );
  return ids;
}
