// Readable prefixed ids (`lead_01J…`): one helper, prefixes from a typed union.
import { ulid } from 'ulid';

export type IdPrefix =
  | 'org' | 'usr' | 'ses' | 'key' | 'lead' | 'bat' | 'ver' | 'aud'
  | 'ord' | 'pur' | 'dsp' | 'rfd' | 'stl' | 'pay' | 'jrn' | 'evt' | 'cmp' | 'png' | 'whk';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}
