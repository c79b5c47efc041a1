import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { apiErrorFromGraphql, apiErrorFromRest, fieldKeyOfPath, placeApiErrors, placeErrors } from './api-errors';

const badInput = (fields: { path: string; message: string }[]) =>
  new CombinedError({
    graphQLErrors: [
      new GraphQLError('Some leads are malformed; nothing was submitted', { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields } }),
    ],
  });

describe('API error paths → form fields', () => {
  it('strips the argument and list index from input paths', () => {
    expect(fieldKeyOfPath('input[0].capturedAt')).toEqual({ index: 0, key: 'capturedAt' });
    expect(fieldKeyOfPath('input[12].attributes.brand')).toEqual({ index: 12, key: 'attributes.brand' });
    expect(fieldKeyOfPath('input[0].consent.timestamp')).toEqual({ index: 0, key: 'consent.timestamp' });
    expect(fieldKeyOfPath('input.email')).toEqual({ index: null, key: 'email' });
    expect(fieldKeyOfPath('filter.maxAgeHours')).toEqual({ index: null, key: 'maxAgeHours' });
    expect(fieldKeyOfPath('input')).toEqual({ index: null, key: '' });
    expect(fieldKeyOfPath('rate')).toEqual({ index: null, key: 'rate' });
    expect(fieldKeyOfPath('costPerClick')).toEqual({ index: null, key: 'costPerClick' });
  });

  it('places a message on the field, else on its nearest known ancestor, else in the summary', () => {
    const placed = placeErrors(
      [
        { key: 'phone', message: 'not a phone' },
        { key: 'consent.timestamp', message: 'in the future' },
        { key: 'attributes.colour', message: 'unknown attribute' },
        { key: null, message: 'whole lead' },
      ],
      ['phone', 'consent', 'attributes.brand'],
    );
    expect(placed.byField).toEqual({ phone: 'not a phone', consent: 'in the future' });
    expect(placed.unplaced).toEqual(['attributes.colour: unknown attribute', 'whole lead']);
  });

  it('joins several messages for one field', () => {
    expect(
      placeErrors(
        [
          { key: 'phone', message: 'a.' },
          { key: 'phone', message: 'b.' },
        ],
        ['phone'],
      ).byField.phone,
    ).toBe('a. b.');
  });

  it('maps BAD_USER_INPUT fields of one list item onto the form', () => {
    const error = apiErrorFromGraphql(
      badInput([
        { path: 'input[0].capturedAt', message: 'must be an ISO-8601 date-time' },
        { path: 'input[0].attributes.brand', message: 'Brand is required.' },
        { path: 'input[1].phone', message: 'belongs to another lead' },
      ]),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const placed = placeApiErrors(error, ['capturedAt', 'phone', 'attributes.brand'], 0);
    expect(placed.byField).toEqual({ capturedAt: 'must be an ISO-8601 date-time', 'attributes.brand': 'Brand is required.' });
    expect(placed.unplaced).toEqual([]);
  });

  it('finds the path of a variable coercion error in its message', () => {
    const error = apiErrorFromGraphql(
      badInput([{ path: '', message: 'Variable "$input" got invalid value "yesterday" at "input[0].capturedAt"; Expected type "DateTime".' }]),
    );
    expect(placeApiErrors(error, ['capturedAt'], 0).byField.capturedAt).toMatch(/yesterday/);
  });

  it('reads codes of other errors and network failures', () => {
    const unauth = apiErrorFromGraphql(
      new CombinedError({ graphQLErrors: [new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' } })] }),
    );
    expect(unauth).toEqual({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN', message: 'Sign in first', fields: [] });
    expect(apiErrorFromGraphql(new CombinedError({ networkError: new Error('Failed to fetch') }))?.code).toBe('NETWORK_ERROR');
    expect(apiErrorFromGraphql(null)).toBeNull();
  });

  it('reads the REST routes’ error body', () => {
    expect(
      apiErrorFromRest(400, {
        error: {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_INPUT',
          message: 'Invalid input',
          fields: [{ path: 'file', message: 'the file has no rows under its header' }],
        },
      }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      message: 'Invalid input',
      fields: [{ path: 'file', message: 'the file has no rows under its header' }],
    });
    expect(apiErrorFromRest(502, '<html>').code).toBe('INTERNAL_SERVER_ERROR');
  });
});
