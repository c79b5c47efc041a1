import { buyerChecklist, sellerChecklist } from './onboarding-checklist.rules';

const doneSteps = (items: { step: string; done: boolean }[]) => items.filter((i) => i.done).map((i) => i.step);

describe('the first-run checklist', () => {
  it('starts with nothing done, in the order the steps are taken', () => {
    expect(sellerChecklist({ leads: 0, payoutsEnabled: false, activeApiKeys: 0 }).map((i) => [i.step, i.done])).toEqual([
      ['ADD_LEAD', false],
      ['CONNECT_PAYOUTS', false],
      ['CREATE_API_KEY', false],
    ]);
    expect(doneSteps(buyerChecklist({ orders: 0, purchases: 0, paidTopUps: 0, campaigns: 0, activeEndpoints: 0 }))).toEqual([]);
  });
  it("ticks a seller's steps from leads, enabled payouts and live API keys", () => {
    expect(doneSteps(sellerChecklist({ leads: 1, payoutsEnabled: false, activeApiKeys: 2 }))).toEqual(['ADD_LEAD', 'CREATE_API_KEY']);
    expect(doneSteps(sellerChecklist({ leads: 0, payoutsEnabled: true, activeApiKeys: 0 }))).toEqual(['CONNECT_PAYOUTS']);
  });
  it('counts an unpaid order as browsing, and a top-up or a purchase as buying', () => {
    expect(doneSteps(buyerChecklist({ orders: 1, purchases: 0, paidTopUps: 0, campaigns: 0, activeEndpoints: 0 }))).toEqual(['BROWSE_MARKETPLACE']);
    expect(doneSteps(buyerChecklist({ orders: 0, purchases: 0, paidTopUps: 1, campaigns: 1, activeEndpoints: 1 }))).toEqual([
      'BUY_OR_TOP_UP',
      'CREATE_CAMPAIGN',
      'SET_WEBHOOK',
    ]);
  });
});
