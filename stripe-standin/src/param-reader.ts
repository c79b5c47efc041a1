// Typed reads of decoded form params, failing with the errors Stripe gives (`Missing required param: amount.`).
import type { FormObject, FormValue } from './form-decode';
import { invalidParam } from './stripe-errors';

interface Required {
  required: true;
}

const METADATA_MAX_KEYS = 50;
const METADATA_KEY_MAX = 40;
const METADATA_VALUE_MAX = 500;

export class ParamReader {
  private readonly read = new Set<string>();

  constructor(
    private readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  /** The param's name as Stripe reports it, e.g. `line_items[0][price_data][currency]`. */
  path(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  private raw(key: string): FormValue | undefined {
    this.read.add(key);
    const value = Object.hasOwn(this.values, key) ? this.values[key] : undefined;
    // an empty value is how the SDK sends `null`: "leave unset"
    return value === '' ? undefined : value;
  }

  private missing(key: string): never {
    throw invalidParam(this.path(key), `Missing required param: ${this.path(key)}.`, 'parameter_missing');
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  string(key: string, options: Required): string;
  string(key: string, options?: { required?: boolean }): string | undefined;
  string(key: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return options.required ? this.missing(key) : undefined;
    if (typeof value !== 'string') throw invalidParam(this.path(key), `Invalid string: ${this.path(key)} must be a string.`);
    return value;
  }

  integer(key: string, options: Required & { min?: number }): number;
  integer(key: string, options?: { required?: boolean; min?: number }): number | undefined;
  integer(key: string, options: { required?: boolean; min?: number } = {}): number | undefined {
    const value = this.string(key, { required: options.required ?? false });
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) {
      throw invalidParam(this.path(key), `Invalid integer: ${value}`, 'parameter_invalid_integer');
    }
    if (options.min !== undefined && n < options.min) {
      throw invalidParam(this.path(key), `This value must be greater than or equal to ${options.min}.`, 'parameter_invalid_integer');
    }
    return n;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw invalidParam(this.path(key), `Invalid boolean: ${value}`);
    return value === 'true';
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], options: Required): T;
  oneOf<T extends string>(key: string, allowed: readonly T[], options?: { required?: boolean }): T | undefined;
  oneOf<T extends string>(key: string, allowed: readonly T[], options: { required?: boolean } = {}): T | undefined {
    const value = this.string(key, { required: options.required ?? false });
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidParam(this.path(key), `Invalid ${this.path(key)}: must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  currency(key: string, options: Required): string;
  currency(key: string, options?: { required?: boolean }): string | undefined;
  currency(key: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.string(key, { required: options.required ?? false });
    if (value === undefined) return undefined;
    if (!/^[a-zA-Z]{3}$/.test(value)) throw invalidParam(this.path(key), `Invalid currency: ${value.toLowerCase()}.`);
    return value.toLowerCase();
  }

  /** A nested hash, e.g. `price_data`. */
  child(key: string, options: Required): ParamReader;
  child(key: string, options?: { required?: boolean }): ParamReader | undefined;
  child(key: string, options: { required?: boolean } = {}): ParamReader | undefined {
    const value = this.raw(key);
    if (value === undefined) return options.required ? this.missing(key) : undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(this.path(key), 'Invalid object');
    return new ParamReader(value, this.path(key));
  }

  /** An array of hashes, e.g. `line_items`. */
  list(key: string, options: { required?: boolean } = {}): ParamReader[] {
    const value = this.raw(key);
    if (value === undefined) return options.required ? this.missing(key) : [];
    if (!Array.isArray(value)) throw invalidParam(this.path(key), 'Invalid array');
    return value.map((item, i) => {
      if (typeof item !== 'object' || Array.isArray(item)) throw invalidParam(`${this.path(key)}[${i}]`, 'Invalid object');
      return new ParamReader(item, `${this.path(key)}[${i}]`);
    });
  }

  /** An array of strings, e.g. `expand`. */
  strings(key: string): string[] {
    const value = this.raw(key);
    if (value === undefined) return [];
    const items = Array.isArray(value) ? value : [value];
    if (items.some((v) => typeof v !== 'string')) throw invalidParam(this.path(key), 'Invalid array');
    return items as string[];
  }

  /** Stripe's metadata rules: at most 50 keys, keys ≤ 40 characters, values ≤ 500; an empty value unsets. */
  metadata(key = 'metadata'): Record<string, string> {
    const value = this.raw(key);
    if (value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(this.path(key), 'Invalid object');
    const entries = Object.entries(value).filter(([, v]) => v !== '');
    if (entries.length > METADATA_MAX_KEYS) {
      throw invalidParam(this.path(key), `You can have a maximum of ${METADATA_MAX_KEYS} metadata keys.`);
    }
    const out: Record<string, string> = {};
    for (const [k, v] of entries) {
      const param = `${this.path(key)}[${k}]`;
      if (typeof v !== 'string') throw invalidParam(param, 'Metadata values must be strings.');
      if (k.length > METADATA_KEY_MAX) throw invalidParam(param, `Metadata keys can have a maximum length of ${METADATA_KEY_MAX} characters.`);
      if (v.length > METADATA_VALUE_MAX) throw invalidParam(param, `Metadata values can have a maximum length of ${METADATA_VALUE_MAX} characters.`);
      out[k] = v;
    }
    return out;
  }

  /** Top-level params the endpoint never looked at: accepted like Stripe would, but not modelled here. */
  unread(): string[] {
    return Object.keys(this.values).filter((k) => !this.read.has(k));
  }
}
