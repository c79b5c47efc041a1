// Renders a component against a fake GraphQL server: the real urql client, with `fetch` answered by
// handlers per operation name. Every request is recorded for assertions. The platform (currency and
// digits) is a 2-digit USD one given at once, unless the handlers answer `Platform`: then the app's own
// PlatformProvider asks for it, and the page shows once it has the answer (find… queries wait for it).
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { GraphqlProvider, createGraphqlClient } from '../lib/graphql-client';
import { PlatformProvider, PlatformValueProvider, type Platform } from '../lib/platform';

export interface GraphqlAnswer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type Handlers = Record<string, (variables: Record<string, unknown>) => GraphqlAnswer>;

export interface RecordedRequest {
  operationName: string;
  variables: Record<string, unknown>;
}

/** The platform of tests that give no `Platform` handler: a 2-digit USD deployment. */
export const USD_PLATFORM: Platform = { currency: 'USD', minorUnitDigits: 2 };
/** A `Platform` handler answering with the given currency and digits. */
export const platformAnswer = (platform: Platform) => () => ({ data: { platform: { __typename: 'Platform', ...platform } } });

export function renderWithApi(ui: ReactElement, handlers: Handlers, route = '/'): RenderResult & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fakeFetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables?: Record<string, unknown> };
    const variables = body.variables ?? {};
    requests.push({ operationName: body.operationName, variables });
    const handler = handlers[body.operationName];
    const answer: GraphqlAnswer = handler ? handler(variables) : { errors: [{ message: `no handler for ${body.operationName}` }] };
    const text = JSON.stringify(answer);
    return { status: 200, statusText: 'OK', headers: { get: () => 'application/json' }, text: async () => text } as unknown as Response;
  }) as typeof fetch;
  const createClient = () => createGraphqlClient({ url: 'http://test/graphql', fetch: fakeFetch });
  const result = render(
    <GraphqlProvider createClient={createClient}>
      {handlers.Platform ? (
        <PlatformProvider>
          <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
        </PlatformProvider>
      ) : (
        <PlatformValueProvider value={USD_PLATFORM}>
          <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
        </PlatformValueProvider>
      )}
    </GraphqlProvider>,
  );
  return Object.assign(result, { requests });
}

/** Segment catalog as the API seeds it (db/src/seed/reference-data.ts), trimmed to what tests use. */
export const SEGMENTS = [
  {
    __typename: 'Segment',
    code: 'INSURANCE',
    name: 'Insurance',
    commissionRate: '0.2',
    returnWindowHours: 72,
    ttlDays: 30,
    subsegments: [
      { __typename: 'Subsegment', code: 'CASCO', name: 'CASCO (own damage)' },
      { __typename: 'Subsegment', code: 'LIFE', name: 'Life' },
    ],
    attributeSchema: {
      fields: [
        { name: 'vehicleYear', type: 'integer', label: 'Vehicle year', requiredFor: ['CASCO', 'OSAGO'], appliesTo: ['CASCO', 'OSAGO'], min: 1950, max: 2027 },
        { name: 'vehicleMake', type: 'string', label: 'Vehicle make', appliesTo: ['CASCO', 'OSAGO'], max: 60 },
        { name: 'coverageAmount', type: 'number', label: 'Coverage amount', min: 0 },
      ],
    },
  },
  {
    __typename: 'Segment',
    code: 'AUTO_TEST_DRIVE',
    name: 'Auto test drives',
    commissionRate: '0.2',
    returnWindowHours: 72,
    ttlDays: 10,
    subsegments: [],
    attributeSchema: {
      fields: [
        { name: 'brand', type: 'string', label: 'Brand', required: true, min: 1, max: 40 },
        { name: 'model', type: 'string', label: 'Model', required: true, min: 1, max: 60 },
        { name: 'preferredDate', type: 'date', label: 'Preferred date' },
      ],
    },
  },
  {
    __typename: 'Segment',
    code: 'EDUCATION',
    name: 'Education',
    commissionRate: '0.2',
    returnWindowHours: 72,
    ttlDays: 30,
    subsegments: [
      { __typename: 'Subsegment', code: 'COURSE', name: 'Course' },
      { __typename: 'Subsegment', code: 'TRAINING', name: 'Training' },
    ],
    attributeSchema: {
      fields: [
        { name: 'subject', type: 'string', label: 'Subject', required: true, min: 2, max: 80 },
        { name: 'format', type: 'enum', label: 'Format', values: ['ONLINE', 'OFFLINE', 'BLENDED'] },
        { name: 'certificate', type: 'boolean', label: 'Wants a certificate' },
      ],
    },
  },
];
