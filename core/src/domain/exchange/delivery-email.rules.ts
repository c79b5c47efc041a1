// The e-mail an EMAIL endpoint receives for a sold lead, pure: subject, plain text and HTML with the lead, its
// contact and the consent the person gave (every value HTML-escaped in the HTML part).
import validator from 'validator';
import type { DeliveryPayload } from './delivery-mapping.rules';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Row = [label: string, value: string | number | null | undefined];

function sections(p: DeliveryPayload): [title: string, rows: Row[]][] {
  const { lead, purchase } = p;
  const c = lead.contact;
  const consent = lead.consent;
  return [
    [
      'Contact',
      c
        ? [
            ['Name', c.fullName],
            ['Phone', c.phone],
            ['E-mail', c.email],
            ['Social profile', c.socialUrl],
            ['Preferred contact time', c.preferredContactTime],
          ]
        : [['Contact', 'erased (not available)']],
    ],
    [
      'Lead',
      [
        ['Lead id', lead.id],
        ['Segment', [lead.segment, lead.subsegment].filter(Boolean).join(' / ')],
        ['Location', [lead.city, lead.region, lead.country].filter(Boolean).join(', ')],
        ['Kind', lead.kind],
        ['Temperature', lead.temperature],
        ['Captured at', lead.capturedAt],
      ],
    ],
    [
      'Consent',
      consent
        ? [
            ['Text', consent.text],
            ['Given at', consent.timestamp],
            ['IP', consent.ip],
            ['Page', consent.pageUrl],
            ['Certificate', consent.certificateId],
          ]
        : [['Consent', 'not recorded by the seller']],
    ],
    [
      'Purchase',
      [
        ['Purchase id', purchase.id],
        ['Price', `${purchase.price.amount} ${purchase.price.currencyCode}`],
        ['Purchased at', purchase.purchasedAt],
        ['Delivery id', p.id],
      ],
    ],
  ];
}

const shown = (rows: Row[]) => rows.filter(([, v]) => v != null && v !== '');

/** The mail for one delivery (or a test delivery: its subject says so). */
export function renderDeliveryMail(p: DeliveryPayload): RenderedMail {
  const where = [p.lead.city, p.lead.country].filter(Boolean).join(', ');
  const subject = `${p.type === 'lead.test' ? '[Test] ' : ''}New lead: ${p.lead.segment}${where ? ` (${where})` : ''}`;
  const parts = sections(p);
  const text = parts.map(([title, rows]) => [title, ...shown(rows).map(([k, v]) => `  ${k}: ${v}`)].join('\n')).join('\n\n');
  const esc = (v: string | number) => validator.escape(String(v));
  const html = parts
    .map(
      ([title, rows]) =>
        `<h3>${esc(title)}</h3><table>${shown(rows)
          .map(([k, v]) => `<tr><th align="left">${esc(k)}</th><td>${esc(v!)}</td></tr>`)
          .join('')}</table>`,
    )
    .join('');
  return { subject, text: `${text}\n`, html: `<!doctype html><html><body>${html}</body></html>` };
}
