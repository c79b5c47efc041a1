// Chromium for the browser journeys (Debian's, driven by playwright-core), screenshots under
// test-output/e2e/, and the few steps every journey repeats.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-output/e2e/', import.meta.url));
export const PASSWORD = 'correct horse battery staple';
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** `shoot(page, 'step')` saves test-output/e2e/<journey>-<step>.png (the whole page). */
export function screenshots(journey: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return (page: Page, step: string) => page.screenshot({ path: `${SCREENSHOT_DIR}${journey}-${step}.png`, fullPage: true });
}

export async function signInThroughUi(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Signed in user').waitFor();
}

export async function signUpThroughUi(
  page: Page,
  baseUrl: string,
  who: { role: 'Sell leads' | 'Buy leads'; name: string; email: string; organization: string },
  options: { stayOnWelcome?: boolean } = {},
): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByRole('radio', { name: new RegExp(who.role) }).check();
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Organization name').fill(who.organization);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Signed in user').waitFor();
  // sign-up lands on the first-run checklist (/welcome); journeys go on from the role's home
  await page.getByRole('heading', { name: 'Welcome to Leadex' }).waitFor();
  if (!options.stayOnWelcome) await page.getByRole('link', { name: 'Skip for now' }).click();
}

/** Fills the Stripe stand-in's hosted checkout with the test card (the page is open; the caller presses Pay). */
export async function fillStandInCard(page: Page, nameOnCard: string): Promise<void> {
  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByLabel('Expiry').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Name on card').fill(nameOnCard);
}
