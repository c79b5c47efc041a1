// Wraps each /v1 endpoint the way Stripe's API front behaves: API-key auth, form params, Request-Id,
// idempotent replays, `expand[]`, and errors in Stripe's shape.
import type { Request, RequestHandler, Response } from 'express';
import { expandFields } from './expand-fields';
import { decodeForm } from './form-decode';
import { findIdempotentReplay, fingerprintParams, saveIdempotentResult } from './idempotency';
import { ParamReader } from './param-reader';
import { StripeApiError } from './stripe-errors';
import { newStripeId } from './stripe-ids';
import type { EventOrigin } from './standin-objects';
import type { StandinContext } from './standin-state';

export interface ApiRequest {
  params: ParamReader;
  path: Record<string, string>;
  origin: EventOrigin;
}

export type ApiHandler = (req: ApiRequest) => object;

const NO_KEY_MESSAGE =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";

function apiKeyOf(req: Request): string {
  const header = req.get('authorization') ?? '';
  let key = '';
  if (/^bearer /i.test(header)) key = header.slice(7).trim();
  else if (/^basic /i.test(header)) key = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8').split(':')[0] ?? '';
  if (!key) throw new StripeApiError(401, { type: 'invalid_request_error', message: NO_KEY_MESSAGE }, false);
  // only test-mode secret keys: this is not Stripe, and a live key here is a configuration mistake
  if (!/^sk_test_\S+$/.test(key)) {
    const shown = key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(Math.min(key.length - 12, 20))}${key.slice(-4)}` : key;
    throw new StripeApiError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${shown}` }, false);
  }
  return key;
}

function paramsOf(req: Request): Record<string, unknown> {
  if (req.method === 'GET' || req.method === 'DELETE') {
    const query = req.originalUrl.indexOf('?');
    return decodeForm(query === -1 ? '' : req.originalUrl.slice(query + 1));
  }
  return decodeForm(typeof req.body === 'string' ? req.body : '');
}

function send(res: Response, status: number, body: unknown): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify(body, null, 2));
}

// A bad `expand` is only found after the endpoint ran, so its error is kept under the idempotency key
// like any other outcome: a retry must not run the endpoint (say, a refund) a second time.
function expandResult(ctx: StandinContext, result: object, expand: string[]): object {
  try {
    return expandFields(ctx, result, expand);
  } catch (err) {
    throw err instanceof StripeApiError ? new StripeApiError(err.status, err.body, true) : err;
  }
}

export function apiRoute(ctx: StandinContext, handler: ApiHandler): RequestHandler {
  return (req, res) => {
    const requestId = newStripeId('req');
    res.set('Request-Id', requestId);
    res.set('Stripe-Version', req.get('stripe-version') ?? ctx.apiVersion);
    let idempotency: { apiKey: string; key: string; endpoint: string; fingerprint: string } | undefined;
    try {
      const apiKey = apiKeyOf(req);
      if (req.get('stripe-account')) {
        // acting as a connected account needs that account's own objects and balance, which are not modelled
        throw new StripeApiError(400, { type: 'invalid_request_error', message: 'The Stripe stand-in does not support the Stripe-Account header.' }, false);
      }
      const decoded = paramsOf(req);
      const key = req.method === 'POST' ? req.get('idempotency-key') : undefined;
      if (key !== undefined) {
        res.set('Idempotency-Key', key);
        // the route pattern, not the URL, is the endpoint; the path's ids are part of the parameters
        const endpoint = `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`;
        idempotency = { apiKey, key, endpoint, fingerprint: fingerprintParams({ path: req.params, body: decoded }) };
        const replay = findIdempotentReplay(ctx.state, idempotency, ctx.now());
        if (replay) {
          res.set('Idempotent-Replayed', 'true');
          res.set('Original-Request', replay.requestId);
          send(res, replay.status, replay.body);
          return;
        }
      }
      const params = new ParamReader(decoded as never);
      const expand = params.strings('expand');
      const origin: EventOrigin = { requestId, idempotencyKey: key ?? null };
      // handlers are synchronous: a request's state change and its idempotent record happen in one turn
      const result = handler({ params, path: req.params as Record<string, string>, origin });
      const body = expandResult(ctx, result, expand);
      const unread = params.unread();
      if (unread.length > 0) res.set('Stripe-Standin-Ignored-Params', unread.join(','));
      if (idempotency) saveIdempotentResult(ctx.state, apiKey, key!, { ...idempotency, status: 200, body, requestId, savedAt: ctx.now().getTime() });
      send(res, 200, body);
    } catch (err) {
      const known = err instanceof StripeApiError;
      if (!known) console.error('[stripe-standin] unexpected error', err);
      const status = known ? err.status : 500;
      const body = { error: known ? err.body : { type: 'api_error', message: 'An unknown error occurred' } };
      if (idempotency && known && err.savedForIdempotency) {
        saveIdempotentResult(ctx.state, idempotency.apiKey, idempotency.key, { ...idempotency, status, body, requestId, savedAt: ctx.now().getTime() });
      }
      send(res, status, body);
    }
  };
}
