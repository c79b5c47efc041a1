// The local SMTP catcher of the start command: without SMTP_URL (and outside production), e-mail (EMAIL delivery endpoints, notifications)
// goes to a maildev on 127.0.0.1 (SMTP 1025, web inbox 1080, mail kept under the data folder), so the embedded
// product shows what it sent. With SMTP_URL set, nothing is started and mail goes to that server.
import { MailDev } from 'maildev';
import { resolve } from 'node:path';

export const CATCHER_SMTP_PORT = 1025;
export const CATCHER_WEB_PORT = 1080;

export interface MailCatcher {
  smtpUrl: string;
  inboxUrl: string;
  stop(): Promise<void>;
}

/** Starts maildev unless SMTP_URL is set or in production (null then); throws when its ports are taken. */
export async function ensureMailCatcher(env: NodeJS.ProcessEnv, dataDir: string): Promise<MailCatcher | null> {
  if (env.SMTP_URL || env.NODE_ENV === 'production') return null;
  const maildev = new MailDev({
    smtp: CATCHER_SMTP_PORT,
    ip: '127.0.0.1',
    web: CATCHER_WEB_PORT,
    webIp: '127.0.0.1',
    mailDirectory: resolve(dataDir, 'mail'),
    // the inbox keeps the newest mails only, so a long-running demo does not fill the disk
    maxEmails: 500,
    silent: true,
  });
  await maildev.start();
  return {
    smtpUrl: `smtp://127.0.0.1:${CATCHER_SMTP_PORT}`,
    inboxUrl: `http://127.0.0.1:${CATCHER_WEB_PORT}/`,
    stop: () => maildev.stop(),
  };
}
