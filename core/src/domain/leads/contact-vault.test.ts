import { createContactVault } from './contact-vault';

const k1 = Buffer.alloc(32, 1).toString('base64');
const k2 = Buffer.alloc(32, 2).toString('base64');

describe('contact vault', () => {
  it('seals and opens contact data with the active key', () => {
    const vault = createContactVault(`a:${k1}`, 'hash-key-0123456789');
    const { sealed, keyId } = vault.seal({ phone: '+14155552671' });
    expect(sealed).not.toContain('4155552671');
    expect(vault.open(sealed, keyId)).toEqual({ phone: '+14155552671' });
  });

  it('opens rows sealed with an older key after rotation', () => {
    const old = createContactVault(`a:${k1}`, 'hash-key-0123456789');
    const row = old.seal({ n: 1 });
    const rotated = createContactVault(`b:${k2},a:${k1}`, 'hash-key-0123456789', 'b');
    expect(rotated.open(row.sealed, row.keyId)).toEqual({ n: 1 });
    expect(rotated.seal({ n: 2 }).keyId).toBe('b');
  });

  it('refuses a row relabelled with another key id or tampered with', () => {
    const vault = createContactVault(`a:${k1},b:${k1}`, 'hash-key-0123456789', 'a');
    const row = vault.seal({ n: 1 });
    expect(() => vault.open(row.sealed, 'b')).toThrow();
    const tampered = row.sealed.slice(0, -4) + (row.sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => vault.open(tampered, 'a')).toThrow();
  });

  it('hashes with a key, so the same value under another key differs', () => {
    const a = createContactVault(`a:${k1}`, 'hash-key-0123456789');
    const b = createContactVault(`a:${k1}`, 'another-hash-key-xyz');
    expect(a.hash('+14155552671')).toBe(a.hash('+14155552671'));
    expect(a.hash('+14155552671')).not.toBe(b.hash('+14155552671'));
  });

  it('gives every sealing its own IV, also across refills of the IV block', () => {
    const vault = createContactVault(`a:${k1}`, 'hash-key-0123456789');
    const ivs = Array.from({ length: 1000 }, () => vault.seal({ n: 1 }).sealed.split('.')[0]!);
    expect(new Set(ivs).size).toBe(1000);
    expect(Buffer.from(ivs[0]!, 'base64')).toHaveLength(12);
  });
});
