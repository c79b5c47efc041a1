import { automaticCheckFailures, checkSampledLead, type SampledLead } from './automatic-provider';

const contact = { fullName: 'Maria Lopez', phoneE164: '+14155552671', email: 'maria.lopez@example.org' };
const lead = (over: Partial<SampledLead> = {}, c: Partial<typeof contact> | null = {}): SampledLead =>
  ({ id: 'lead_1', kind: 'INTERESTED', country: 'US', signals: [], contact: c === null ? null : { ...contact, ...c }, ...over }) as SampledLead;
const checks = (l: SampledLead) => automaticCheckFailures(l).map((f) => `${f.check}:${f.reason}`);

describe('automatic checks on one lead', () => {
  it('passes a plain personal lead', () => {
    expect(checks(lead())).toEqual([]);
    expect(checkSampledLead(lead())).toEqual({ leadId: 'lead_1', passed: true, code: null, message: null });
  });

  it('names the failed check and the precise reason for each pseudo-lead signal', () => {
    expect(checks(lead({ signals: [{ code: 'DISPOSABLE_EMAIL' }] }))).toEqual(['REAL_MAILBOX:DISPOSABLE_EMAIL']);
    expect(checks(lead({ signals: [{ code: 'BOT_USER_AGENT' }] }))).toEqual(['HUMAN_VISITOR:BOT_USER_AGENT']);
    expect(checks(lead({ signals: [{ code: 'FAST_FORM_FILL' }] }))).toEqual(['HUMAN_VISITOR:FAST_FORM_FILL']);
    expect(checks(lead({ signals: [{ code: 'DUPLICATE_PHONE' }] }))).toEqual(['UNIQUE_CONTACT:DUPLICATE_PHONE']);
    expect(checks(lead({ signals: [{ code: 'IP_BURST' }] }))).toEqual([]); // one office, one IP: not enough alone
    expect(checks(lead({ signals: [{ code: 'IP_BURST' }, { code: 'PHONE_COUNTRY_MISMATCH' }] }))).toEqual(['FEW_SIGNALS:MULTIPLE_SIGNALS']);
  });

  it('catches made-up names, numbers and mailboxes the submission let through', () => {
    expect(checks(lead({}, { fullName: 'Mickey  Mouse' }))).toEqual(['PLAUSIBLE_NAME:NAME_SUSPICIOUS']);
    expect(checks(lead({}, { phoneE164: '+12123456789' }))).toEqual(['PERSONAL_PHONE:PHONE_PATTERN']);
    expect(checks(lead({}, { email: 'test123@example.org' }))).toEqual(['REAL_MAILBOX:EMAIL_PLACEHOLDER']);
    expect(checks(lead({}, null))).toEqual(['CONTACT_AVAILABLE:CONTACT_ERASED']);
  });
});
