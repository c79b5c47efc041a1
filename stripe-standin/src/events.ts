// Stripe events: every state change is recorded as an `evt_…` holding a snapshot of the object.
import type { EventObject, EventOrigin, EventRecord } from './standin-objects';
import { newStripeId } from './stripe-ids';
import { snapshot, unixSeconds, type EmitOptions, type StandinState } from './standin-state';

export const AUTOMATIC: EventOrigin = { requestId: null, idempotencyKey: null };

export function recordEvent(
  state: StandinState,
  type: string,
  object: object,
  options: EmitOptions & { apiVersion: string; now: Date; endpointConfigured: boolean },
): EventRecord {
  const event: EventObject = {
    id: newStripeId('evt'),
    object: 'event',
    ...(options.account ? { account: options.account } : {}),
    api_version: options.apiVersion,
    created: unixSeconds(options.now),
    data: {
      object: snapshot(object),
      ...(options.previousAttributes ? { previous_attributes: snapshot(options.previousAttributes) } : {}),
    },
    livemode: false,
    pending_webhooks: options.endpointConfigured ? 1 : 0,
    request: { id: options.origin.requestId, idempotency_key: options.origin.idempotencyKey },
    type,
  };
  const record: EventRecord = { event, deliveries: [], delivery: options.endpointConfigured ? 'pending' : 'not_sent' };
  state.events.set(event.id, record);
  return record;
}

/** Events newest first, optionally of one type (`GET /v1/events`). */
export function eventsNewestFirst(state: StandinState, type?: string): EventObject[] {
  const all = [...state.events.values()].map((r) => r.event).reverse();
  return type ? all.filter((e) => matchesType(e.type, type)) : all;
}

// Stripe lets `type` end in `*`, e.g. `charge.*`
function matchesType(eventType: string, filter: string): boolean {
  return filter.endsWith('*') ? eventType.startsWith(filter.slice(0, -1)) : eventType === filter;
}
