// Readable prefixed ids (`lead_01J…`): one helper, one prefix per entity, from a typed union.
import { monotonicFactory } from 'ulid';

// one generator: ids made in the same millisecond still sort in creation order, and it is ~40× cheaper
// than ulid()'s default, which draws random bytes one character at a time
const ulid = monotonicFactory();

// Ids are opaque text: rows made before a prefix changed keep their old one (deliveries, attempts and
// endpoints were all `whk_`, verification tasks and findings `ver_`, postings `jrn_`, top-ups `pay_`),
// so nothing may branch on a prefix.
export const ID_PREFIXES = {
  organization: 'org',
  user: 'usr',
  session: 'ses',
  apiKey: 'key',
  lead: 'lead',
  leadBatch: 'bat',
  verificationTask: 'vtk',
  verificationResult: 'vrs',
  contactRead: 'aud',
  order: 'ord',
  purchase: 'pur',
  dispute: 'dsp',
  refund: 'rfd',
  settlementRun: 'stl',
  payout: 'pyo',
  walletTopUp: 'top',
  walletPayment: 'wpy',
  ledgerTransaction: 'jrn',
  ledgerPosting: 'pst',
  event: 'evt',
  campaign: 'cmp',
  ping: 'png',
  webhookEndpoint: 'wep',
  delivery: 'dlv',
  deliveryAttempt: 'dla',
  remoteCall: 'rcl',
  consentOrigin: 'cor',
  consentCertificate: 'cct',
  returnPolicy: 'rpl',
  notification: 'ntf',
  notificationEmail: 'nml',
  auditEntry: 'adt',
  // sign-in (issue 16)
  recoveryCode: 'rcv',
  twoFactorChallenge: 'tfc',
  accountToken: 'atk',
  invitation: 'inv',
} as const;

export type IdPrefix = (typeof ID_PREFIXES)[keyof typeof ID_PREFIXES];

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}
