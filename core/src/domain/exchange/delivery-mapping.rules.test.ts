import { buildMappedBody, isPayloadField, payloadValue, ZMappingTemplate, ZRecipients, type DeliveryPayload } from './delivery-mapping.rules';
import { renderDeliveryMail } from './delivery-email.rules';

const payload: DeliveryPayload = {
  id: 'dlv_1',
  type: 'lead.purchased',
  createdAt: '2026-12-01T10:00:00.000Z',
  purchase: { id: 'pur_1', price: { amount: '12.50', currencyCode: 'USD' }, purchasedAt: '2026-12-01T10:00:00.000Z', campaignId: null },
  lead: {
    id: 'led_1',
    segment: 'AUTO_TEST_DRIVE',
    subsegment: null,
    country: 'US',
    region: 'US-CA',
    city: 'Los Angeles',
    kind: 'INTERESTED',
    temperature: 'HOT',
    score: 80,
    capturedAt: '2026-12-01T09:00:00.000Z',
    attributes: { brand: 'Kia', options: ['a', 'b'] },
    contact: { fullName: 'Ana <Silva>', phone: '+14155550142', email: 'ana@example.com', socialUrl: null, preferredContactTime: null },
    consent: { text: 'Yes, call me', timestamp: '2026-12-01T09:00:00.000Z', ip: null, pageUrl: null, certificateId: null },
  },
};
const parse = (t: unknown) => ZMappingTemplate.safeParse(t);

describe('mapping templates', () => {
  it('knows the documented payload fields and any attribute', () => {
    expect(isPayloadField('lead.contact.email')).toBe(true);
    expect(isPayloadField('lead.attributes.brand')).toBe(true);
    expect(isPayloadField('lead.contact.ssn')).toBe(false);
    expect(isPayloadField('lead.attributes.')).toBe(false);
    expect(payloadValue(payload, 'lead.attributes.brand')).toBe('Kia');
    expect(payloadValue(payload, 'lead.attributes.model')).toBeUndefined();
  });

  it('refuses unknown source fields, both or neither of from/constant, and a field mapped twice, with their paths', () => {
    const r = parse({
      format: 'FORM',
      fields: [{ to: 'a', from: 'lead.contact.ssn' }, { to: 'b' }, { to: 'c', from: 'lead.id', constant: 'x' }, { to: 'a', constant: '1' }],
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['fields.0.from', 'fields.1.from', 'fields.2.from', 'fields.3.to']));
    expect(r.error!.issues.find((i) => i.path.join('.') === 'fields.0.from')!.message).toMatch(/unknown payload field "lead.contact.ssn"/);
    expect(parse({ format: 'XML', fields: [{ to: 'a', constant: '1' }] }).success).toBe(false);
    expect(parse({ format: 'JSON', fields: [] }).success).toBe(false);
  });

  it('builds a form body with renamed, picked and constant fields only', () => {
    const t = parse({
      format: 'FORM',
      fields: [
        { to: 'first_name', from: 'lead.contact.fullName' },
        { to: 'phone', from: 'lead.contact.phone' },
        { to: 'oid', constant: '00D000000000001' },
        { to: 'social', from: 'lead.contact.socialUrl' },
        { to: 'opts', from: 'lead.attributes.options' },
      ],
    }).data!;
    const { body, contentType } = buildMappedBody(payload, t);
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      first_name: 'Ana <Silva>',
      phone: '+14155550142',
      oid: '00D000000000001',
      social: '',
      opts: '["a","b"]',
    });
  });

  it('builds a JSON body keeping value types, null for missing values', () => {
    const t = parse({
      format: 'JSON',
      fields: [
        { to: 'score', from: 'lead.score' },
        { to: 'model', from: 'lead.attributes.model' },
        { to: 'source', constant: 'leadex' },
      ],
    }).data!;
    const { body, contentType } = buildMappedBody(payload, t);
    expect(contentType).toBe('application/json');
    expect(JSON.parse(body)).toEqual({ score: 80, model: null, source: 'leadex' });
  });
});

describe('e-mail endpoints', () => {
  it('takes 1–10 valid addresses, lower-cased and without duplicates', () => {
    expect(ZRecipients.parse(['Sales@Example.com', 'sales@example.com', 'b@example.org'])).toEqual(['sales@example.com', 'b@example.org']);
    expect(ZRecipients.safeParse(['not-an-address']).success).toBe(false);
    expect(ZRecipients.safeParse([]).success).toBe(false);
  });

  it('renders the contact and consent in text and escaped HTML', () => {
    const mail = renderDeliveryMail(payload);
    expect(mail.subject).toBe('New lead: AUTO_TEST_DRIVE (Los Angeles, US)');
    expect(mail.text).toContain('Name: Ana <Silva>');
    expect(mail.text).toContain('Text: Yes, call me');
    expect(mail.html).toContain('Ana &lt;Silva&gt;');
    expect(mail.html).not.toContain('<Silva>');
    expect(renderDeliveryMail({ ...payload, type: 'lead.test' }).subject).toMatch(/^\[Test\] /);
  });
});
