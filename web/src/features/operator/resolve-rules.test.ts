import { resolutionVariables, validateResolution } from './resolve-rules';

const price = { amount: '40.00', currencyCode: 'USD' };

describe('resolving a dispute', () => {
  it("checks the refund limit in the platform's digits: 0 (CLP) and 3 (TND)", () => {
    const clp = { amount: '15000', currencyCode: 'CLP' };
    expect(validateResolution('ACCEPT', { refundAmount: '15000', note: '' }, clp, 0)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '15001', note: '' }, clp, 0).refundAmount).toMatch(/At most the price paid \(15000\)/);
    expect(validateResolution('ACCEPT', { refundAmount: '7000.5', note: '' }, clp, 0).refundAmount).toMatch(/A whole amount like 4,/);
    const tnd = { amount: '12.340', currencyCode: 'TND' };
    expect(validateResolution('ACCEPT', { refundAmount: '12.340', note: '' }, tnd, 3)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '6.175', note: '' }, tnd, 3)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '12.341', note: '' }, tnd, 3).refundAmount).toMatch(/At most the price paid \(12.340\)/);
    expect(validateResolution('ACCEPT', { refundAmount: '1.2345', note: '' }, tnd, 3).refundAmount).toMatch(/like 4\.500 \(at most 3 decimals\)/);
  });
  it('accepts in full without an amount, or partly with one up to the price', () => {
    expect(validateResolution('ACCEPT', { refundAmount: '', note: '' }, price, 2)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '12.5', note: '' }, price, 2)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '40.00', note: '' }, price, 2)).toEqual({});
    expect(validateResolution('ACCEPT', { refundAmount: '40.01', note: '' }, price, 2).refundAmount).toMatch(/At most the price paid \(40.00\)/);
    expect(validateResolution('ACCEPT', { refundAmount: '0', note: '' }, price, 2).refundAmount).toMatch(/More than zero/);
    expect(validateResolution('ACCEPT', { refundAmount: '1.234', note: '' }, price, 2).refundAmount).toMatch(/at most 2 decimals/);
    expect(validateResolution('ACCEPT', { refundAmount: 'ten', note: '' }, price, 2).refundAmount).toBeDefined();
  });

  it('rejects only with a note, and never with an amount', () => {
    expect(validateResolution('REJECT', { refundAmount: '', note: ' ' }, price, 2)).toEqual({ note: expect.stringMatching(/buyer reads/) });
    expect(validateResolution('REJECT', { refundAmount: '5', note: 'Called: reachable and interested' }, price, 2)).toEqual({
      refundAmount: expect.stringMatching(/refunds nothing/),
    });
    expect(validateResolution('REJECT', { refundAmount: '', note: 'Called: reachable and interested' }, price, 2)).toEqual({});
  });

  it('sends the amount only with an acceptance, and trims the note', () => {
    expect(resolutionVariables('dsp_1', 'ACCEPT', { refundAmount: ' 12.50 ', note: '' })).toEqual({
      id: 'dsp_1',
      decision: 'ACCEPT',
      refundAmount: '12.50',
      note: null,
    });
    expect(resolutionVariables('dsp_1', 'ACCEPT', { refundAmount: '', note: ' ok ' })).toEqual({
      id: 'dsp_1',
      decision: 'ACCEPT',
      refundAmount: null,
      note: 'ok',
    });
    expect(resolutionVariables('dsp_1', 'REJECT', { refundAmount: '', note: 'no' })).toEqual({
      id: 'dsp_1',
      decision: 'REJECT',
      refundAmount: null,
      note: 'no',
    });
  });
});
