import { ID_PREFIXES, newId } from './ids';

describe('ids', () => {
  it('gives every entity its own prefix', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('makes lower-case prefixed ids that sort in creation order', () => {
    const ids = Array.from({ length: 50 }, () => newId('dlv'));
    expect(ids.every((id) => /^dlv_[0-9a-z]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});
