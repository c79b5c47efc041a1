// The post to a REMOTE campaign that won: the full lead (contact and consent included) POSTed, signed, to the
// buyer's post URL inside the allocation transaction, with a bounded deadline (REMOTE_POST_TIMEOUT_MS). A 2xx
// answer accepts the lead and the sale commits with its ledger entry; anything else refuses it and the next
// bidder is offered it. Trade-off: a crash after the buyer accepted and before the commit leaves the buyer with
// a lead it did not pay for. The post is logged (ACCEPTED) in the same transaction, so that case leaves no
// trace in remote_calls; the application log has the 'remote post accepted' line. It is rare, and the lead
// goes on to the next allocation as if refused.
import type { Db } from '@leadex/db';
import type { AppDeps } from '../../app-deps';
import { consentOf, type SealedContact } from '../../leads/read-contact';
import { recordContactRead } from '../../leads/record-contact-read';
import type { LeadRow } from '../../leads/submit-leads';
import { formatDecimal } from '../../shared/money';
import { OutboundError, safeFetch } from '../../shared/outbound/safe-fetch';
import { outboundPolicy, type Resolver } from '../../shared/outbound/ssrf-guard';
import { signDelivery, SIGNATURE_HEADER } from '../attempt-delivery';
import type { Award } from '../campaign.rules';
import type { CampaignRow } from '../campaigns.service';
import { anonymisedFields, buyerSecrets } from './ping-remote';
import { logRemoteCalls, type RemoteCall } from './remote-log';

const MAX_POST_ANSWER_BYTES = 4 * 1024;

/**
 * Posts the lead to the winning remote campaign at `award.price`; true when the buyer accepted it (2xx). Runs in
 * `tx`: the contact read is audited and the post logged there, so both commit with the sale (or not at all).
 */
export async function postToRemote(
  deps: AppDeps,
  tx: Db,
  campaign: CampaignRow,
  lead: LeadRow,
  award: Award,
  reference: string | null,
  resolve?: Resolver,
): Promise<{ accepted: boolean; call: RemoteCall }> {
  const call = { campaignId: campaign.id, leadId: lead.id, kind: 'POST' as const, bid: award.price, reference, httpStatus: null, at: deps.clock() };
  const secret = (await buyerSecrets(deps, tx, [campaign.buyerOrgId])).get(campaign.buyerOrgId);
  if (!secret || !campaign.postUrl || !lead.contactSealed || !lead.contactKeyId || lead.erasedAt) {
    const refused: RemoteCall = { ...call, latencyMs: 0, outcome: 'ERROR' };
    await logRemoteCalls(tx, [refused]);
    return { accepted: false, call: refused };
  }
  // the buyer is buying this contact in this very transaction: the read is audited like a purchased lead's
  const sealed = deps.vault.open<SealedContact>(lead.contactSealed, lead.contactKeyId);
  await recordContactRead(tx, {
    actor: null,
    leadId: lead.id,
    organizationId: campaign.buyerOrgId,
    auditOrgId: campaign.buyerOrgId,
    purpose: 'BUYER',
    at: deps.clock(),
    details: { via: 'REMOTE_POST', campaignId: campaign.id },
  });
  const consent = consentOf(sealed, lead.id);
  const body = JSON.stringify({
    type: 'lead.post',
    campaignId: campaign.id,
    reference,
    price: { amount: formatDecimal(award.price, lead.currency), currencyCode: lead.currency },
    lead: {
      id: lead.id,
      ...anonymisedFields(lead),
      contact: {
        fullName: sealed.fullName,
        phone: sealed.phoneE164,
        email: sealed.email,
        socialUrl: sealed.socialUrl,
        preferredContactTime: sealed.preferredContactTime,
      },
      consent: consent ? { text: consent.text, timestamp: consent.timestamp.toISOString(), ip: consent.ip, pageUrl: consent.pageUrl } : null,
    },
  });
  const timestamp = Math.floor(deps.clock().getTime() / 1000);
  const started = performance.now();
  let result: RemoteCall;
  try {
    const res = await safeFetch(
      campaign.postUrl,
      {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'user-agent': 'Leadex-Bidding/1', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body) },
      },
      { policy: outboundPolicy(deps.config), resolve, timeoutMs: deps.config.REMOTE_POST_TIMEOUT_MS, maxResponseBytes: MAX_POST_ANSWER_BYTES },
    );
    const accepted = res.status >= 200 && res.status <= 299;
    result = { ...call, latencyMs: performance.now() - started, outcome: accepted ? 'ACCEPTED' : 'REFUSED', httpStatus: res.status };
    if (accepted) deps.logger.info({ campaignId: campaign.id, leadId: lead.id }, 'remote post accepted');
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    deps.logger.info({ campaignId: campaign.id, leadId: lead.id, kind: err.kind, detail: err.detail }, 'remote post failed');
    result = { ...call, latencyMs: performance.now() - started, outcome: err.kind === 'TIMED_OUT' ? 'TIMEOUT' : 'ERROR' };
  }
  await logRemoteCalls(tx, [result]);
  return { accepted: result.outcome === 'ACCEPTED', call: result };
}
