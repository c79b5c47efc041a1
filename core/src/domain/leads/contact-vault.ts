// Contact data at rest: AES-256-GCM with a key id per row (for rotation), and keyed hashes for duplicates.
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

const IV_BYTES = 12;
// randomBytes has a fixed cost per call (~4 µs here) that dwarfs 12 bytes: IVs are cut from a block drawn from
// the same CSPRNG, each slice used once (what randomUUID does too), so no IV repeats any more than before
const IV_BLOCK = IV_BYTES * 256;
let ivBlock = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivBlock.length) {
    ivBlock = randomBytes(IV_BLOCK);
    ivOffset = 0;
  }
  const iv = ivBlock.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

export interface ContactVault {
  activeKeyId: string;
  seal(plain: object): { sealed: string; keyId: string };
  open<T = unknown>(sealed: string, keyId: string): T;
  /** keyed HMAC-SHA256 of a normalized value (phone, e-mail, IP) */
  hash(normalized: string): string;
}

/** keys: "id1:base64key,id2:base64key"; the active key seals, every listed key opens. */
export function createContactVault(keys: string, hashKey: string, activeKeyId?: string): ContactVault {
  const ring = new Map<string, Buffer>();
  for (const part of keys
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`contact key "${id ?? part}" must be 32 bytes in base64`);
    ring.set(id, key);
  }
  const active = activeKeyId ?? [...ring.keys()][0];
  if (!active || !ring.has(active)) throw new Error('no active contact encryption key');
  // prepared once: a raw Buffer key is turned into a key object on every createCipheriv
  const sealKey: KeyObject = createSecretKey(ring.get(active)!);
  const sealAad = Buffer.from(active);

  return {
    activeKeyId: active,
    seal(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      // the key id is bound as associated data so a row cannot be re-labelled with another key
      cipher.setAAD(sealAad);
      const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
      return { sealed: [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.'), keyId: active };
    },
    open(sealed, keyId) {
      const key = ring.get(keyId);
      if (!key) throw new Error(`contact key ${keyId} is not configured`);
      const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
      const decipher = createDecipheriv('aes-256-gcm', key, iv!);
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(tag!);
      return JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8'));
    },
    hash(normalized) {
      return createHmac('sha256', hashKey).update(normalized).digest('hex');
    },
  };
}
