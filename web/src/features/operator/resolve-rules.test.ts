import { resolutionVariables, validateResolution } from './resolve-rules';

const price = { amount: '40.00', currencyCode: 'USD' };

describe('resolving a dispute', () => {
  it('accepts in full without an amount, or partly with one up to the price', () => {
    expect(validateResolution('ACCEPT', { refundAmount: '', note: '' }, price)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '12.5', note: '' }, price)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '40.00', note: '' }, price)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '40.01', note: '' }, price).refundAmount).toMatch(/At most the price paid \(40.00\)/);
    expect(validateResolution('ACCEPT', { refundAmount: '0', note: '' }, price).refundAmount).toMatch(/More than zero/);
    expect(validateResolution('ACCEPT', { refundAmount: '1.234', note: '' }, price).refundAmount).toMatch(/at most 2 decimals/);
    expect(validateResolution('ACCEPT', { refundAmount: 'ten', note: '' }, price).refundAmount).toBeDefined();
  });

  it('rejects only with a note, and never with an amount', () => {
    expect(validateResolution('REJECT', { refundAmount: '', note: ' ' }, price)).toEqual({ note: expect.stringMatching(/buyer reads/) });
    expect(validateResolution('REJECT', { refundAmount: '5', note: 'Called: reachable and interested' }, price)).toEqual({ refundAmount: expect.stringMatching(/refunds nothing/) });
    expect(validateResolution('REJECT', { refundAmount: '', note: 'Called: reachable and interested' }, price)).toEqual({});
  });

  it('sends the amount only with an acceptance, and trims the note', () => {
    expect(resolutionVariables('dsp_1', 'ACCEPT', { refundAmount: ' 12.50 ', note: '' })).toEqual({ id: 'dsp_1', decision: 'ACCEPT', refundAmount: '12.50', note: null });
    expect(resolutionVariables('dsp_1', 'ACCEPT', { refundAmount: '', note: ' ok ' })).toEqual({ id: 'dsp_1', decision: 'ACCEPT', refundAmount: null, note: 'ok' });
    expect(resolutionVariables('dsp_1', 'REJECT', { refundAmount: '', note: 'no' })).toEqual({ id: 'dsp_1', decision: 'REJECT', refundAmount: null, note: 'no' });
  });
});
