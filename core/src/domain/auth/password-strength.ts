// How strong a new password must be: zxcvbn's score (0–4) and a least length, both from the configuration.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { z } from 'zod';
import { badInput, DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/validation';

// zxcvbn's cost grows with length; what matters of a long password is decided in its first 100 characters
const SCORED_LENGTH = 100;

// built once (about half a second: the dictionaries); Levenshtein matching is off because it costs ~1 s a check,
// which would make sign-up a CPU lever for anyone
let factory: ZxcvbnFactory | null = null;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations }));

export interface PasswordPolicy {
  PASSWORD_MIN_SCORE: number;
  PASSWORD_MIN_LENGTH: number;
}

/** Why the password is too weak (zxcvbn's own warning and suggestions), or null when it is strong enough. */
export function passwordWeakness(password: string, policy: PasswordPolicy, userInputs: string[] = []): string | null {
  if (password.length < policy.PASSWORD_MIN_LENGTH) return `Use at least ${policy.PASSWORD_MIN_LENGTH} characters; a few unrelated words work well.`;
  // the user's own words count as dictionary words: each word of a name, the e-mail's parts
  const words = userInputs.flatMap((input) => [input, ...input.split(/[\s@._-]+/)]).filter((w) => w.length >= 3);
  const result = zxcvbn().check(password.slice(0, SCORED_LENGTH), words);
  if (result.score >= policy.PASSWORD_MIN_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return advice || 'Too easy to guess; add more unrelated words.';
}

/**
 * Parses an account's input (with `password`, and `email`/`name`/`organizationName` as the user's own words):
 * a weak password is reported beside the other bad fields when there are some, else as PASSWORD_TOO_WEAK.
 */
export function parseWithStrongPassword<S extends z.ZodType>(schema: S, raw: unknown, policy: PasswordPolicy): z.infer<S> {
  let input: z.infer<S> | undefined;
  let fields: { path: string; message: string }[] = [];
  try {
    input = parseInput(schema, raw);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    fields = err.fields;
  }
  const given = (raw ?? {}) as Record<string, unknown>;
  const words = ['email', 'name', 'organizationName'].map((k) => given[k]).filter((v): v is string => typeof v === 'string');
  const passwordPath = 'input.password';
  const weakness = typeof given.password === 'string' && !fields.some((f) => f.path === passwordPath) ? passwordWeakness(given.password, policy, words) : null;
  if (fields.length) throw badInput(weakness ? [...fields, { path: passwordPath, message: weakness }] : fields);
  if (weakness) throw new DomainError('PASSWORD_TOO_WEAK', `The password is too weak: ${weakness}`, [{ path: passwordPath, message: weakness }]);
  return input!;
}
