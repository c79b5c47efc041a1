// The account e-mails (password reset, address verification), pure: subject, plain text and HTML with the
// link into the web app; every value is HTML-escaped in the HTML part.
export interface AccountMail {
  subject: string;
  text: string;
  html: string;
}

interface MailParts {
  subject: string;
  greeting: string;
  lines: string[];
  action: string;
  url: string;
  footer: string;
}

// the five characters that matter in HTML text and quoted attributes (escape-html's set; it is not a core dependency)
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: string) => v.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function render(p: MailParts): AccountMail {
  const text = [p.greeting, '', ...p.lines, '', `${p.action}: ${p.url}`, '', p.footer, '', '— Leadex'].join('\n');
  const html = [
    `<p>${esc(p.greeting)}</p>`,
    ...p.lines.map((l) => `<p>${esc(l)}</p>`),
    `<p><a href="${esc(p.url)}">${esc(p.action)}</a></p>`,
    `<p style="color:#555">If the button does not work, open this address: ${esc(p.url)}</p>`,
    `<p style="color:#555">${esc(p.footer)}</p>`,
    '<p>— Leadex</p>',
  ].join('\n');
  return { subject: p.subject, text, html };
}

/** The web app's page `path` with `?token=`, on WEB_ORIGIN. */
export function accountLink(webOrigin: string, path: '/reset-password' | '/verify-email', token: string): string {
  const url = new URL(path, webOrigin);
  url.searchParams.set('token', token);
  return url.href;
}

export function passwordResetMail(name: string, url: string, validMinutes: number): AccountMail {
  return render({
    subject: 'Reset your Leadex password',
    greeting: `Hello ${name},`,
    lines: [
      'Someone (hopefully you) asked to reset the password of your Leadex account.',
      `The link works once, for ${validMinutes} minutes. Resetting the password signs you out everywhere.`,
    ],
    action: 'Choose a new password',
    url,
    footer: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  });
}

export function emailVerificationMail(name: string, url: string, validHours: number): AccountMail {
  return render({
    subject: 'Confirm your e-mail address for Leadex',
    greeting: `Hello ${name},`,
    lines: ['Please confirm that this is your e-mail address, so we can reach you about your account.', `The link works for ${validHours} hours.`],
    action: 'Confirm my e-mail address',
    url,
    footer: 'If you did not create a Leadex account, ignore this e-mail.',
  });
}
