// Sends events to the webhook endpoint signed as Stripe signs them, one at a time, with retries and backoff.
import { createHmac } from 'node:crypto';
import type { DeliveryAttempt, EventRecord } from './standin-objects';

export interface WebhookDeliveryOptions {
  secret: string;
  getUrl(): string | undefined;
  /** Waits between attempts after a failure; one attempt more than there are delays. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  log?(message: string): void;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 500, 2000];

/** `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>`; the key is the whole `whsec_…` string. */
export function signWebhookPayload(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

interface QueuedDelivery {
  record: EventRecord;
  attempt: number;
  replay: boolean;
  done?: () => void;
}

export function createWebhookDelivery(options: WebhookDeliveryOptions) {
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? 5000;
  const queue: QueuedDelivery[] = [];
  const waitingRetries = new Map<NodeJS.Timeout, QueuedDelivery>();
  let running = false;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  function isIdle(): boolean {
    return !running && queue.length === 0 && waitingRetries.size === 0;
  }

  function settleIfIdle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async function attempt(item: QueuedDelivery, url: string): Promise<boolean> {
    // Stripe signs each attempt afresh, so a retried or replayed event carries a current timestamp
    const payload = JSON.stringify({ ...item.record.event, pending_webhooks: item.record.event.pending_webhooks || 1 }, null, 2);
    // wall-clock time, not the injectable clock: receivers check the timestamp against their own clock
    // (constructEvent allows 300 s), so a test that moves the stand-in's clock must not break signatures
    const started = Date.now();
    const timestamp = Math.floor(started / 1000);
    const result: DeliveryAttempt = { attemptedAt: new Date(started).toISOString(), url, status: null, durationMs: 0, replay: item.replay };
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signWebhookPayload(payload, options.secret, timestamp),
        },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      result.status = res.status;
      if (!res.ok) result.error = `HTTP ${res.status}`;
    } catch (err) {
      result.error = (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message;
    }
    result.durationMs = Date.now() - started;
    item.record.deliveries.push(result);
    return result.status !== null && result.status >= 200 && result.status < 300;
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const url = options.getUrl();
        const { record } = item;
        if (!url) {
          if (record.delivery === 'pending') record.delivery = 'not_sent';
          item.done?.();
          continue;
        }
        if (await attempt(item, url)) {
          record.delivery = 'delivered';
          record.event.pending_webhooks = 0;
          item.done?.();
        } else if (item.attempt < retryDelays.length && !stopped) {
          const next: QueuedDelivery = { ...item, attempt: item.attempt + 1 };
          const timer = setTimeout(() => {
            waitingRetries.delete(timer);
            queue.push(next);
            kick();
          }, retryDelays[item.attempt]);
          waitingRetries.set(timer, next);
        } else {
          if (record.delivery !== 'delivered') record.delivery = 'failed';
          options.log?.(`webhook ${record.event.type} ${record.event.id} not delivered after ${item.attempt + 1} attempts`);
          item.done?.();
        }
      }
    } finally {
      running = false;
      settleIfIdle();
    }
  }

  function kick(): void {
    if (!running) void drain();
  }

  return {
    /** Queues a delivery; it starts after the current API response has been written. */
    enqueue(record: EventRecord, replay = false): Promise<void> {
      if (stopped) return Promise.resolve();
      return new Promise((resolve) => {
        queue.push({ record, attempt: 0, replay, done: resolve });
        setImmediate(kick);
      });
    },
    /** Resolves once nothing is queued, in flight or waiting for a retry. */
    whenIdle(): Promise<void> {
      return isIdle() ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    /** Drops pending retries (server shutdown). */
    stop(): void {
      stopped = true;
      for (const [timer, item] of waitingRetries) {
        clearTimeout(timer);
        item.done?.();
      }
      waitingRetries.clear();
      for (const item of queue.splice(0)) item.done?.();
      settleIfIdle();
    },
  };
}

export type WebhookDelivery = ReturnType<typeof createWebhookDelivery>;
