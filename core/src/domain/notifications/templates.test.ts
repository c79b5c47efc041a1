import { NOTIFICATION_EVENTS } from '@leadex/db';
import { AUDIENCE } from './notification-events';
import { renderEmail, renderNotification, TEMPLATES } from './templates';

describe('notification templates', () => {
  it('has a template and an audience for every event', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...NOTIFICATION_EVENTS].sort());
    expect(Object.keys(AUDIENCE).sort()).toEqual([...NOTIFICATION_EVENTS].sort());
  });

  it('words a batch verdict with its counts', () => {
    const c = renderNotification('BATCH_VERDICT', { batchId: 'bat_1', passed: false, verified: 0, unverified: 7, rejected: 3 });
    expect(c.title).toBe('Batch bat_1 did not pass its spot-check');
    expect(c.lines[0]).toBe('0 leads listed as verified, 7 listed unverified, 3 rejected.');
    expect(c.link).toBe('/seller/listings');
  });

  it('escapes every value in the HTML part and links into the web app', () => {
    const c = renderNotification('CAMPAIGN_BUDGET_REACHED', { campaignId: 'cmp_1', name: '<script>x</script>', budget: { amount: 10_000, currency: 'USD' } });
    const mail = renderEmail(c, 'https://app.leadex.example', 'Ann & Bob');
    expect(mail.subject).toBe('Campaign "<script>x</script>" reached its budget');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;x&lt;&#x2F;script&gt;');
    expect(mail.html).toContain('Hello Ann &amp; Bob');
    expect(mail.text).toContain('Open: https://app.leadex.example/campaigns');
    expect(mail.text).toContain('100.00 USD');
  });
});
