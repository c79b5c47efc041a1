// What every client needs to know about the deployment before it shows or sums an amount.
import type { Config } from '../../config';
import { minorDigits } from '../shared/money';

export interface PlatformInfo {
  /** ISO 4217 code every amount of this deployment is in */
  currency: string;
  /** minor-unit digits of that currency (ISO 4217): amounts are integers of 10^-digits */
  minorUnitDigits: number;
}

/** The deployment's currency and its minor-unit digits; public, the same for every caller. */
export function platformInfo(config: Pick<Config, 'PLATFORM_CURRENCY'>): PlatformInfo {
  return { currency: config.PLATFORM_CURRENCY, minorUnitDigits: minorDigits(config.PLATFORM_CURRENCY) };
}
