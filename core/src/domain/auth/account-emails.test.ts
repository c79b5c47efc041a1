import { accountLink, emailVerificationMail, passwordResetMail } from './account-emails';

describe('account e-mails', () => {
  it('links to the web page with the token as a query parameter', () => {
    expect(accountLink('https://app.leadex.example', '/reset-password', 'lxr_a-b_c')).toBe('https://app.leadex.example/reset-password?token=lxr_a-b_c');
    expect(accountLink('http://localhost:4000/', '/verify-email', 'x+y')).toBe('http://localhost:4000/verify-email?token=x%2By');
  });

  it('has a plain-text and an HTML part with the link and the expiry', () => {
    const mail = passwordResetMail('Ana', 'https://app.example/reset-password?token=t1', 30);
    expect(mail.subject).toBe('Reset your Leadex password');
    expect(mail.text).toContain('Choose a new password: https://app.example/reset-password?token=t1');
    expect(mail.text).toContain('30 minutes');
    expect(mail.html).toContain('<a href="https://app.example/reset-password?token=t1">');
  });

  it('escapes the name in the HTML part', () => {
    const mail = emailVerificationMail('<b>Eve</b> & co', 'https://app.example/verify-email?token=t"2', 24);
    expect(mail.html).not.toContain('<b>Eve</b>');
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt; &amp; co');
    expect(mail.html).not.toContain('token=t"2');
    expect(mail.text).toContain('Hello <b>Eve</b> & co,');
  });
});
