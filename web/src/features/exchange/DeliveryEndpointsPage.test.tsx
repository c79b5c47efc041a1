import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { DeliveryEndpointsPage } from './DeliveryEndpointsPage';
import { toEndpointInput, EMPTY_FORM } from './endpoint-form';

const endpoint = (over: Record<string, unknown>) => ({
  __typename: 'DeliveryEndpoint',
  id: 'wep_1',
  name: 'Webhook',
  kind: 'WEBHOOK',
  url: 'https://crm.example.com/hook',
  recipients: null,
  isDefault: true,
  createdAt: '2026-12-01T10:00:00Z',
  lastDeliveryStatus: 'DELIVERED',
  lastDeliveryAt: '2026-12-01T11:00:00Z',
  mapping: null,
  ...over,
});
const listed = () => ({
  data: {
    deliveryEndpoints: [
      endpoint({}),
      endpoint({
        id: 'wep_2',
        name: 'Sales inbox',
        kind: 'EMAIL',
        url: null,
        recipients: ['sales@dealer.example'],
        isDefault: false,
        lastDeliveryStatus: null,
        lastDeliveryAt: null,
      }),
    ],
  },
});

describe('<DeliveryEndpointsPage>', () => {
  it('lists endpoints with kind, default and last status; sends a test, makes one the default and removes one', async () => {
    const { requests } = renderWithApi(<DeliveryEndpointsPage />, {
      DeliveryEndpoints: listed,
      SendTestDelivery: () => ({
        data: { sendTestDelivery: { __typename: 'TestDeliveryResult', ok: false, httpStatus: 500, error: 'refused by the endpoint: HTTP 500' } },
      }),
      SetDefaultDeliveryEndpoint: () => ({ data: { setDefaultDeliveryEndpoint: { __typename: 'DeliveryEndpoint', id: 'wep_2', isDefault: true } } }),
      RemoveDeliveryEndpoint: () => ({ data: { removeDeliveryEndpoint: true } }),
    });
    const hook = await screen.findByRole('listitem', { name: 'Endpoint Webhook' });
    expect(within(hook).getByText('Webhook (signed JSON)')).toBeTruthy();
    expect(within(hook).getByText('Default')).toBeTruthy();
    expect(within(hook).getByText('Delivered')).toBeTruthy();
    const inbox = screen.getByRole('listitem', { name: 'Endpoint Sales inbox' });
    expect(within(inbox).getByText('sales@dealer.example')).toBeTruthy();
    expect(within(inbox).getByText('none yet', { exact: false })).toBeTruthy();

    fireEvent.click(within(hook).getByRole('button', { name: 'Send a test lead to Webhook' }));
    expect(await within(hook).findByText('Test not delivered: refused by the endpoint: HTTP 500.')).toBeTruthy();

    fireEvent.click(within(inbox).getByRole('button', { name: 'Make default: Sales inbox' }));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'SetDefaultDeliveryEndpoint')?.variables).toEqual({ id: 'wep_2' }));

    fireEvent.click(within(inbox).getByRole('button', { name: 'Remove Sales inbox' }));
    fireEvent.click(within(inbox).getByRole('button', { name: 'Remove endpoint' }));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'RemoveDeliveryEndpoint')?.variables).toEqual({ id: 'wep_2' }));
  });

  it('rotates a webhook’s secret after confirmation and shows the new one once; shows what a test event got back', async () => {
    const { requests } = renderWithApi(<DeliveryEndpointsPage />, {
      DeliveryEndpoints: listed,
      SendTestDelivery: () => ({
        data: { sendTestDelivery: { __typename: 'TestDeliveryResult', ok: true, httpStatus: 202, error: null, responseBody: '{"queued":true}' } },
      }),
      RotateDeliveryEndpointSecret: () => ({
        data: { rotateDeliveryEndpointSecret: { __typename: 'DeliveryEndpoint', id: 'wep_1', url: 'https://crm.example.com/hook', secret: 'whsec_new' } },
      }),
    });
    const hook = await screen.findByRole('listitem', { name: 'Endpoint Webhook' });
    const inbox = screen.getByRole('listitem', { name: 'Endpoint Sales inbox' });
    // an e-mail endpoint signs nothing: no secret to rotate
    expect(within(inbox).queryByRole('button', { name: /Rotate/ })).toBeNull();
    fireEvent.click(within(hook).getByRole('button', { name: 'Send a test lead to Webhook' }));
    expect(await within(hook).findByText('Test delivered (HTTP 202).')).toBeTruthy();
    expect(within(hook).getByText('{"queued":true}')).toBeTruthy();

    fireEvent.click(within(hook).getByRole('button', { name: 'Rotate secret of Webhook' }));
    expect(requests.some((r) => r.operationName === 'RotateDeliveryEndpointSecret')).toBe(false);
    fireEvent.click(within(hook).getByRole('button', { name: 'Rotate secret' }));
    expect(await within(hook).findByText('New signing secret')).toBeTruthy();
    expect((within(hook).getByLabelText('Signing secret') as HTMLInputElement).value).toBe('whsec_new');
    expect(requests.find((r) => r.operationName === 'RotateDeliveryEndpointSecret')!.variables).toEqual({ id: 'wep_1' });
  });

  it('adds a mapped form-encoded endpoint with a constant field, shows its secret once, and places API field errors', async () => {
    let calls = 0;
    const { requests } = renderWithApi(<DeliveryEndpointsPage />, {
      DeliveryEndpoints: () => ({ data: { deliveryEndpoints: [] } }),
      CreateDeliveryEndpoint: () =>
        ++calls === 1
          ? {
              errors: [
                {
                  message: 'Some input is invalid',
                  extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.mapping.fields[0].to', message: '"oid" is mapped twice' }] },
                },
              ],
            }
          : {
              data: {
                createDeliveryEndpoint: {
                  ...endpoint({
                    kind: 'HTTP_MAPPED',
                    name: 'CRM',
                    url: 'https://crm.example.com/w2l',
                    mapping: { __typename: 'MappingTemplate', format: 'FORM', fields: [] },
                  }),
                  secret: 'whsec_once',
                },
              },
            },
    });
    expect(await screen.findByText('No delivery endpoint yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New delivery endpoint' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'CRM' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'HTTP_MAPPED' } });
    fireEvent.change(within(form).getByLabelText('URL'), { target: { value: 'https://crm.example.com/w2l' } });
    fireEvent.change(within(form).getByLabelText('Send as (field 1)'), { target: { value: 'oid' } });
    fireEvent.change(within(form).getByLabelText('Value of field 1'), { target: { value: 'CONSTANT' } });
    fireEvent.change(within(form).getByLabelText('Constant of field 1'), { target: { value: '00D5g' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a field' }));
    fireEvent.change(within(form).getByLabelText('Send as (field 2)'), { target: { value: 'phone' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    expect(await screen.findByText('"oid" is mapped twice')).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'CreateDeliveryEndpoint')!.variables).toEqual({
      input: {
        name: 'CRM',
        kind: 'HTTP_MAPPED',
        url: 'https://crm.example.com/w2l',
        mapping: {
          format: 'FORM',
          fields: [
            { to: 'oid', constant: '00D5g' },
            { to: 'phone', from: 'lead.contact.phone' },
          ],
        },
      },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }));
    expect(((await screen.findByLabelText('Signing secret')) as HTMLInputElement).value).toBe('whsec_once');
  });
});

describe('toEndpointInput', () => {
  it('splits recipients and refuses what the API would refuse, by the API’s paths', () => {
    expect(toEndpointInput({ ...EMPTY_FORM, name: 'Inbox', kind: 'EMAIL', recipients: 'a@x.example, b@x.example\nc@x.example' })).toEqual({
      input: { name: 'Inbox', kind: 'EMAIL', recipients: ['a@x.example', 'b@x.example', 'c@x.example'] },
    });
    expect(toEndpointInput({ ...EMPTY_FORM, kind: 'HTTP_MAPPED', url: 'nope' })).toEqual({
      errors: {
        'input.name': 'Give the endpoint a name',
        'input.url': 'An http(s) URL, e.g. https://crm.example.com/leads',
        'input.mapping.fields[0].to': 'The field name to send',
      },
    });
  });
});
