import { outcomeChanged, outcomeOptions, reasonToSend, validateOutcomeChange } from './outcome-rules';

describe('lead outcome rules', () => {
  it('offers the next stages of the pipeline and LOST, never a step back', () => {
    expect(outcomeOptions('NEW')).toEqual(['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST']);
    expect(outcomeOptions('CONTACTED')).toEqual(['CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST']);
    expect(outcomeOptions('QUALIFIED')).toEqual(['QUALIFIED', 'CONVERTED', 'LOST']);
  });

  it('keeps a converted lead converted, and lets a lost lead be reopened', () => {
    expect(outcomeOptions('CONVERTED')).toEqual(['CONVERTED']);
    expect(outcomeOptions('LOST')).toEqual(['LOST', 'CONTACTED', 'QUALIFIED', 'CONVERTED']);
  });

  it('requires a reason for LOST, and only for LOST', () => {
    expect(validateOutcomeChange('CONTACTED', 'LOST', '  ')).toEqual({ reason: expect.stringMatching(/why the lead was lost/) });
    expect(validateOutcomeChange('CONTACTED', 'LOST', 'Refused to buy')).toEqual({});
    expect(validateOutcomeChange('NEW', 'CONTACTED', '')).toEqual({});
    expect(validateOutcomeChange('NEW', 'LOST', 'x'.repeat(501)).reason).toMatch(/At most 500/);
  });

  it('refuses moves the pipeline does not allow', () => {
    expect(validateOutcomeChange('QUALIFIED', 'CONTACTED', '').outcome).toMatch(/cannot go back from qualified to contacted/);
    expect(validateOutcomeChange('CONVERTED', 'LOST', 'changed mind').outcome).toMatch(/stays converted/);
  });

  it('knows when saving changes nothing, and sends a reason only with LOST', () => {
    expect(outcomeChanged('NEW', null, 'NEW', '')).toBe(false);
    expect(outcomeChanged('NEW', null, 'CONTACTED', '')).toBe(true);
    expect(outcomeChanged('LOST', 'Refused to talk', 'LOST', 'Refused to talk ')).toBe(false);
    expect(outcomeChanged('LOST', 'Refused to talk', 'LOST', 'Refused to buy')).toBe(true);
    expect(reasonToSend('LOST', ' Refused to buy ')).toBe('Refused to buy');
    expect(reasonToSend('CONTACTED', 'left over text')).toBeNull();
  });
});
