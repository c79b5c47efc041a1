// A real SMTP server on 127.0.0.1 for tests (plain, no auth), keeping every mail it receives, parsed by mailparser.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait';

export interface SmtpCatcher {
  url: string;
  mails: ParsedMail[];
  /** the first mail to `to` whose subject matches, once it has arrived (mails are sent in the background) */
  mailTo(to: string, subject: RegExp, after?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          done();
        },
        (err: Error) => done(err),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const recipients = (m: ParsedMail) => [m.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    mails,
    mailTo: (to, subject, after = 0) =>
      waitFor(
        async () => mails.slice(after).find((m) => recipients(m).includes(to.toLowerCase()) && subject.test(m.subject ?? '')),
        `a mail to ${to} about ${subject}`,
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The token of the link to `path` in a mail's plain-text part. */
export function tokenOfLink(mail: ParsedMail, path: string): string {
  const link = (mail.text ?? '').match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))?.[0];
  if (!link) throw new Error(`no ${path} link in the mail`);
  return new URL(link).searchParams.get('token')!;
}
