// Outgoing e-mail: one nodemailer SMTP transport from the configuration (`SMTP_URL`, default the local catcher
// the start command runs, `MAIL_FROM`). Generic: deliveries use it, and so can notifications. Failures come back
// as a MailError with a kind and the server's reply code only; addresses and message text are never in it.
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** extra headers, e.g. the delivery id */
  headers?: Record<string, string>;
}

export type MailFailureKind = 'CONNECTION_FAILED' | 'TIMED_OUT' | 'REFUSED';

/** Why a mail was not accepted by the SMTP server: `responseCode` is its reply code (e.g. 451, 550) when it answered. */
export class MailError extends Error {
  constructor(
    readonly kind: MailFailureKind,
    readonly responseCode: number | null,
    /** nodemailer's error code (ECONNECTION, ETIMEDOUT, EENVELOPE, …), for operators' logs */
    readonly code: string | null,
  ) {
    super(`mail not sent: ${kind}${responseCode ? ` (SMTP ${responseCode})` : ''}`);
    this.name = 'MailError';
  }
}

export interface Mailer {
  /** Sends one message; resolves with the server's message id once the server accepted it, or throws MailError. */
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

const TIMEOUT_MS = 10_000;

type NodemailerError = Error & { code?: string; responseCode?: number };

function mailError(err: NodemailerError): MailError {
  const code = err.code ?? null;
  if (typeof err.responseCode === 'number') return new MailError('REFUSED', err.responseCode, code);
  if (code === 'ETIMEDOUT' || /timeout/i.test(err.message)) return new MailError('TIMED_OUT', null, code);
  return new MailError('CONNECTION_FAILED', null, code);
}

/** The mailer for `SMTP_URL` (e.g. smtp://user:pass@smtp.example.com:587, smtps://… for implicit TLS). */
export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer {
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ ...message, from: config.MAIL_FROM });
        return { messageId: String(info.messageId) };
      } catch (err) {
        throw mailError(err as NodemailerError);
      }
    },
    close: () => transport.close(),
  };
}
