// Creates an operator account (there is no way to become one through the API):
//   pnpm operator:create --email ops@example.com --name "Ops Person"   (password from LEADEX_OPERATOR_PASSWORD or prompted)
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createRuntime } from '../bootstrap';
import { loadConfig } from '../config';
import { createOperator } from '../domain/auth/auth.service';
import { DomainError } from '../domain/shared/domain-error';

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email || !values.name) throw new Error('usage: pnpm operator:create --email <email> --name <name> [--password <password>]');
  const config = loadConfig();
  let password = values.password ?? process.env.LEADEX_OPERATOR_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    // the same strength rule as sign-up (zxcvbn score and length), checked by createOperator
    password = await rl.question(`Password (at least ${config.PASSWORD_MIN_LENGTH} characters and hard to guess; a few unrelated words work well): `);
    rl.close();
  }
  const runtime = await createRuntime(config, { name: 'create-operator' });
  try {
    const op = await createOperator(runtime.deps, values.email, password, values.name);
    console.log(`operator ${op.email} created (${op.id})`);
  } catch (err) {
    if (err instanceof DomainError)
      throw new Error(`${err.message}${err.fields.length ? `: ${err.fields.map((f) => `${f.path} ${f.message}`).join(', ')}` : ''}`, { cause: err });
    throw err;
  } finally {
    await runtime.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
