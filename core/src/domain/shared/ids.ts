// Readable prefixed ids (`lead_01J…`): one helper, prefixes from a typed union.
import { monotonicFactory } from 'ulid';

// one generator: ids made in the same millisecond still sort in creation order, and it is ~40× cheaper
// than ulid()'s default, which draws random bytes one character at a time
const ulid = monotonicFactory();

export type IdPrefix =
  | 'org' | 'usr' | 'ses' | 'key' | 'lead' | 'bat' | 'ver' | 'aud'
  | 'ord' | 'pur' | 'dsp' | 'rfd' | 'stl' | 'pay' | 'jrn' | 'evt' | 'cmp' | 'png' | 'whk';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}
