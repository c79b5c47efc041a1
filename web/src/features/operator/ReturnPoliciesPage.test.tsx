import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { ReturnPoliciesPage } from './ReturnPoliciesPage';
import { policyFormFromSettings, toPolicyInput, validatePolicyForm } from './return-policy-form';

const settings = (patch: Record<string, unknown> = {}) => ({
  __typename: 'ReturnPolicySettings',
  segment: 'INSURANCE',
  buyerOrgId: null,
  windowHours: 48,
  allowedReasons: ['FAKE', 'DUPLICATE'],
  autoAccept: [{ __typename: 'ReturnAutoAccept', reason: 'DUPLICATE', withinHours: 24 }],
  maxReturnRatePercent: null,
  rateLookbackDays: null,
  rateMinPurchases: null,
  allowedRemedies: null,
  updatedAt: new Date().toISOString(),
  ...patch,
});

describe('return-policy form rules', () => {
  it('reads settings back and sends empty fields and lists as null (inherit)', () => {
    const form = policyFormFromSettings(settings() as never);
    expect(form).toMatchObject({
      windowHours: '48',
      allowedReasons: ['FAKE', 'DUPLICATE'],
      autoAccept: [{ reason: 'DUPLICATE', withinHours: '24' }],
      allowedRemedies: [],
    });
    expect(toPolicyInput(form)).toEqual({
      windowHours: 48,
      allowedReasons: ['FAKE', 'DUPLICATE'],
      autoAccept: [{ reason: 'DUPLICATE', withinHours: 24 }],
      maxReturnRatePercent: null,
      rateLookbackDays: null,
      rateMinPurchases: null,
      allowedRemedies: null,
    });
    expect(toPolicyInput(policyFormFromSettings(null))).toMatchObject({ windowHours: null, allowedReasons: null, autoAccept: null });
  });
  it('checks the API’s bounds and one rule per reason', () => {
    const form = policyFormFromSettings(null);
    expect(
      validatePolicyForm({
        ...form,
        windowHours: '0',
        maxReturnRatePercent: '101',
        autoAccept: [
          { reason: 'FAKE', withinHours: '24' },
          { reason: 'FAKE', withinHours: 'x' },
        ],
      }),
    ).toEqual({
      windowHours: 'A whole number from 1 to 8,760, or empty to inherit.',
      maxReturnRatePercent: 'A whole number from 1 to 100, or empty to inherit.',
      'autoAccept[1].reason': 'One rule per reason.',
      'autoAccept[1].withinHours': 'Hours from 1 to 8,760.',
    });
  });
});

describe('return policies page', () => {
  it('loads a segment’s policy, edits it and saves the whole policy; a buyer’s override is opened by id', async () => {
    const { requests } = renderWithApi(
      <ReturnPoliciesPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        ReturnPolicySettings: (v) => ({ data: { returnPolicySettings: v.buyerOrgId ? null : settings() } }),
        SetSegmentReturnPolicy: () => ({
          data: { setReturnPolicy: { __typename: 'ReturnPolicySettings', segment: 'INSURANCE', updatedAt: new Date().toISOString() } },
        }),
        SetBuyerReturnPolicy: () => ({
          data: { setBuyerReturnPolicy: { __typename: 'ReturnPolicySettings', buyerOrgId: 'org_b', updatedAt: new Date().toISOString() } },
        }),
      },
      '/operator/return-policies',
    );
    const window = await screen.findByLabelText(/Return window/);
    expect((window as HTMLInputElement).value).toBe('48');
    fireEvent.change(screen.getByLabelText(/Cap \(% of purchases\)/), { target: { value: '15' } });
    fireEvent.click(within(screen.getByRole('group', { name: /Remedies buyers may choose/ })).getByRole('checkbox', { name: 'Replacement lead' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'SetSegmentReturnPolicy')!.variables).toEqual({
      segment: 'INSURANCE',
      input: {
        windowHours: 48,
        allowedReasons: ['FAKE', 'DUPLICATE'],
        autoAccept: [{ reason: 'DUPLICATE', withinHours: 24 }],
        maxReturnRatePercent: 15,
        rateLookbackDays: null,
        rateMinPurchases: null,
        allowedRemedies: ['REPLACEMENT'],
      },
    });

    fireEvent.change(screen.getByLabelText('Policy of'), { target: { value: 'buyer' } });
    fireEvent.change(screen.getByLabelText(/Buyer organisation id/), { target: { value: 'org_b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText(/Nothing set here yet/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Return window/), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText(/or empty to inherit/)).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'SetBuyerReturnPolicy')).toBe(false);
    fireEvent.change(screen.getByLabelText(/Return window/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'SetBuyerReturnPolicy')?.variables).toMatchObject({ buyerOrgId: 'org_b', input: { windowHours: 12 } }),
    );
  });
});
