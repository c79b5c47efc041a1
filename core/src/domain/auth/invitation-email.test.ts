import { invitationLink, renderInvitationMail } from './invitation-email';

describe('invitation e-mail', () => {
  const facts = {
    organizationName: 'Acme <Leads> & Co',
    inviterName: 'Ana "Boss"',
    role: 'MEMBER' as const,
    link: invitationLink('https://app.example.com/', 'lxi_abc'),
    expiresAt: new Date('2026-12-09T10:30:00Z'),
  };

  it('links to the web app accept page with the token', () => {
    expect(facts.link).toBe('https://app.example.com/accept-invitation?token=lxi_abc');
  });

  it('says who invited whom to what, in both parts', () => {
    const mail = renderInvitationMail(facts);
    expect(mail.subject).toBe('Ana "Boss" invited you to Acme <Leads> & Co on Leadex');
    expect(mail.text).toContain('https://app.example.com/accept-invitation?token=lxi_abc');
    expect(mail.text).toContain('as a member');
    expect(mail.text).toContain('2026-12-09 10:30 UTC');
    // validator.escape writes '/' as &#x2F;, which an href decodes back
    expect(mail.html).toContain('href="https:&#x2F;&#x2F;app.example.com&#x2F;accept-invitation?token=lxi_abc"');
  });

  it('escapes every value in the HTML part', () => {
    const { html } = renderInvitationMail(facts);
    expect(html).toContain('Acme &lt;Leads&gt; &amp; Co');
    expect(html).toContain('Ana &quot;Boss&quot;');
    expect(html).not.toContain('<Leads>');
  });
});
