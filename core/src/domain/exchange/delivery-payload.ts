// The documented `lead.purchased` payload of one delivery, read from the database (the contact read is audited),
// and the sample payload of a test delivery (invented values, no one's contact).
import type { schema } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { certificateIdsOfLeads } from '../consent/read-certificate';
import { readLeadDisclosure } from '../leads/read-contact';
import { formatDecimal } from '../shared/money';
import type { DeliveryPayload } from './delivery-mapping.rules';

type PurchaseRow = typeof schema.purchases.$inferSelect;
type LeadRow = typeof schema.leads.$inferSelect;

export async function purchasePayload(deps: AppDeps, deliveryId: string, purchase: PurchaseRow, lead: LeadRow): Promise<DeliveryPayload> {
  // the buyer paid for this contact; reading it for delivery is audited like any other read
  const disclosure = await readLeadDisclosure(deps, { userId: null, organizationId: purchase.buyerOrgId, role: 'BUYER', via: 'session' }, lead);
  const contact = disclosure?.contact ?? null;
  // the consent proof travels with the contact, so the buyer's CRM holds what the person agreed to, and the id of
  // the certificate behind it (null without one), which the buyer opens at /certificates/<id>
  const certificateId = disclosure?.consent ? ((await certificateIdsOfLeads(deps, [lead.id])).get(lead.id) ?? null) : null;
  const consent = disclosure?.consent ? { ...disclosure.consent, timestamp: disclosure.consent.timestamp.toISOString(), certificateId } : null;
  return {
    id: deliveryId,
    type: 'lead.purchased',
    createdAt: deps.clock().toISOString(),
    purchase: {
      id: purchase.id,
      price: { amount: formatDecimal(purchase.price, purchase.currency), currencyCode: purchase.currency },
      purchasedAt: purchase.purchasedAt.toISOString(),
      campaignId: purchase.campaignId,
    },
    lead: {
      id: lead.id,
      segment: lead.segment,
      subsegment: lead.subsegment,
      country: lead.country,
      region: lead.region,
      city: lead.city,
      kind: lead.kind,
      temperature: lead.temperature,
      score: lead.score,
      capturedAt: lead.capturedAt.toISOString(),
      attributes: lead.attributes,
      contact,
      consent,
    },
  };
}

/** What `sendTestDelivery` sends: the payload's shape with `type: "lead.test"` and made-up values. */
export function testPayload(deps: AppDeps, endpointId: string): DeliveryPayload {
  const now = deps.clock().toISOString();
  return {
    id: `test_${endpointId}_${Date.parse(now)}`,
    type: 'lead.test',
    createdAt: now,
    purchase: { id: 'pur_test', price: { amount: '10.00', currencyCode: deps.config.PLATFORM_CURRENCY }, purchasedAt: now, campaignId: null },
    lead: {
      id: 'led_test',
      segment: 'AUTO_TEST_DRIVE',
      subsegment: null,
      country: 'US',
      region: 'US-CA',
      city: 'Los Angeles',
      kind: 'INTERESTED',
      temperature: 'HOT',
      score: 80,
      capturedAt: now,
      attributes: { brand: 'Kia', model: 'Ceed' },
      contact: { fullName: 'Test Lead', phone: '+14155550100', email: 'test.lead@example.com', socialUrl: null, preferredContactTime: null },
      consent: { text: 'Test consent text', timestamp: now, ip: null, pageUrl: null, certificateId: null },
    },
  };
}
