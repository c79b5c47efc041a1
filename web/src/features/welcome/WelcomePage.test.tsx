import { screen, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { WelcomePage } from './WelcomePage';

const item = (step: string, done: boolean) => ({ __typename: 'OnboardingItem', step, done });

describe('<WelcomePage>', () => {
  it('ticks the done steps and links each open one to where it is done', async () => {
    renderWithApi(<WelcomePage />, {
      OnboardingChecklist: () => ({
        data: {
          onboardingChecklist: {
            __typename: 'OnboardingChecklist',
            complete: false,
            items: [item('ADD_LEAD', true), item('CONNECT_PAYOUTS', false), item('CREATE_API_KEY', false)],
          },
        },
      }),
    });
    await screen.findByText('1 of 3 done.');
    const list = screen.getByRole('list', { name: 'First steps' });
    const first = within(list).getByText('Add your first lead').closest('li')!;
    expect(screen.queryByRole('link', { name: 'Upload the CSV template' })).toBeNull();
    expect(within(first).getByText('Done')).toBeTruthy();
    expect(within(first).queryByRole('link')).toBeNull();
    const payouts = within(list).getByText('Connect payouts').closest('li')!;
    expect(within(payouts).getByRole('link', { name: 'Set up payouts' }).getAttribute('href')).toBe('/seller/payouts');
    expect(screen.getByRole('link', { name: 'Skip for now' })).toBeTruthy();
  });

  it('offers the form and the CSV template for a first lead', async () => {
    renderWithApi(<WelcomePage />, {
      OnboardingChecklist: () => ({
        data: { onboardingChecklist: { __typename: 'OnboardingChecklist', complete: false, items: [item('ADD_LEAD', false)] } },
      }),
    });
    expect((await screen.findByRole('link', { name: 'Submit a lead' })).getAttribute('href')).toBe('/seller/leads/new');
    expect(screen.getByRole('link', { name: 'Upload the CSV template' }).getAttribute('href')).toBe('/seller/leads/csv');
  });
});
