// The whole API for browser tests: the integration harness (helpers/test-app.ts), whose WEB_ORIGIN is the
// app's own URL, so Stripe Checkout and Connect onboarding send the browser back to the built web app
// (web/dist) that the API serves from the same origin.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/test-app';

const WEB_DIST_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

export async function startE2eApp(options: { label: string; workers?: boolean; stripe?: boolean; env?: Record<string, string> }): Promise<TestApp> {
  if (!existsSync(WEB_DIST_INDEX)) throw new Error('web/dist is missing: build the web app first (cd web && pnpm run build)');
  return startTestApp(options);
}
