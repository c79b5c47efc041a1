// Sends one payload to one delivery endpoint by its kind: WEBHOOK posts the signed JSON payload, HTTP_MAPPED posts
// the body its mapping template builds (also signed), EMAIL mails the lead to its recipients. HTTP goes through the
// SSRF-guarded client. The answer is the verdict for the attempt log; what went wrong in detail goes to the log
// only, and never the URL, the addresses or the payload.
import type { schema } from '@leadex/db';
import { createHmac } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { MailError } from '../../mail/mailer';
import { OutboundError, safeFetch } from '../shared/outbound/safe-fetch';
import { outboundPolicy, type Resolver } from '../shared/outbound/ssrf-guard';
import { renderDeliveryMail } from './delivery-email.rules';
import { keptResponseBody } from './delivery-retry.rules';
import { buildMappedBody, ZMappingTemplate, ZRecipients, type DeliveryPayload } from './delivery-mapping.rules';
import { judgeAnswer, judgeFailure, judgeMailFailure, type AttemptVerdict } from './delivery.rules';

export type EndpointRow = typeof schema.webhookEndpoints.$inferSelect;

export const SIGNATURE_HEADER = 'Leadex-Signature';
const TIMEOUT_MS = 10_000;
// receivers answer 2xx and maybe a short text; nothing they send is used, so very little of it is read
const MAX_ANSWER_BYTES = 4 * 1024;

export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SendResult {
  httpStatus: number | null;
  verdict: AttemptVerdict;
  /** the first 2 KB of the endpoint's answer (delivery-retry.rules.ts); null for e-mail and failed connections */
  responseBody?: string | null;
}

export async function sendToEndpoint(deps: AppDeps, endpoint: EndpointRow, payload: DeliveryPayload, resolve?: Resolver): Promise<SendResult> {
  if (endpoint.kind === 'EMAIL') return sendMail(deps, endpoint, payload);
  const { body, contentType } =
    endpoint.kind === 'HTTP_MAPPED'
      ? buildMappedBody(payload, ZMappingTemplate.parse((endpoint.settings as { mapping?: unknown }).mapping))
      : { body: JSON.stringify(payload), contentType: 'application/json' };
  const { secret } = deps.vault.open<{ secret: string }>(endpoint.secretSealed, endpoint.secretKeyId);
  const timestamp = Math.floor(deps.clock().getTime() / 1000);
  try {
    const res = await safeFetch(
      endpoint.url!,
      {
        method: 'POST',
        body,
        headers: { 'content-type': contentType, 'user-agent': 'Leadex-Webhooks/1', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body) },
      },
      { policy: outboundPolicy(deps.config), resolve, timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_ANSWER_BYTES },
    );
    return { httpStatus: res.status, verdict: judgeAnswer(res.status), responseBody: keptResponseBody(res.body) };
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    // the detail (e.g. "ECONNREFUSED 10.0.0.5:443") is for operators; the URL and the payload are not logged
    deps.logger.warn({ deliveryId: payload.id, endpointId: endpoint.id, kind: err.kind, detail: err.detail }, 'webhook delivery attempt failed');
    return { httpStatus: null, verdict: judgeFailure(err.kind) };
  }
}

async function sendMail(deps: AppDeps, endpoint: EndpointRow, payload: DeliveryPayload): Promise<SendResult> {
  const to = ZRecipients.parse((endpoint.settings as { recipients?: unknown }).recipients);
  try {
    await deps.mailer.send({ to, ...renderDeliveryMail(payload), headers: { 'X-Leadex-Delivery': payload.id } });
    return { httpStatus: null, verdict: { ok: true } };
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    // the kind and the server's codes only: the message text and the recipients stay out of the log
    deps.logger.warn(
      { deliveryId: payload.id, endpointId: endpoint.id, kind: err.kind, smtpCode: err.responseCode, code: err.code },
      'e-mail delivery attempt failed',
    );
    return { httpStatus: null, verdict: judgeMailFailure(err.kind, err.responseCode) };
  }
}
