// The calculator forms' early checks and the variables they send.
import type { Exclusivity, PriceQuoteInput, Temperature } from '../../gql/graphql';

export interface CampaignValues {
  clicks: string;
  costPerClick: string;
  leads: string;
}

const WHOLE = /^\d{1,9}$/;
const DECIMAL = /^\d{1,10}(\.\d{1,4})?$/;

export function validateCampaign(values: CampaignValues): {
  errors: Record<string, string>;
  variables: { clicks: number; costPerClick: string; leads: number } | null;
} {
  const errors: Record<string, string> = {};
  if (!WHOLE.test(values.clicks.trim())) errors.clicks = 'A whole number of clicks.';
  if (!DECIMAL.test(values.costPerClick.trim())) errors.costPerClick = 'An amount like 0.50.';
  if (!WHOLE.test(values.leads.trim())) errors.leads = 'A whole number of leads.';
  else if (!errors.clicks && Number(values.leads) > Number(values.clicks)) errors.leads = 'Leads cannot exceed clicks.';
  if (Object.keys(errors).length) return { errors, variables: null };
  return { errors, variables: { clicks: Number(values.clicks), costPerClick: values.costPerClick.trim(), leads: Number(values.leads) } };
}

export interface QuoteValues {
  segment: string;
  subsegment: string;
  country: string;
  region: string;
  city: string;
  temperature: Temperature;
  exclusivity: Exclusivity;
  verified: boolean;
  /** <input type="datetime-local"> value, or empty for "now" */
  capturedAt: string;
  quantity: string;
}

export function validateQuote(values: QuoteValues, toIso: (local: string) => string | null): { errors: Record<string, string>; input: PriceQuoteInput | null } {
  const errors: Record<string, string> = {};
  if (!values.segment) errors.segment = 'Choose a segment.';
  if (!/^[A-Za-z]{2}$/.test(values.country.trim())) errors.country = 'A two-letter country code, e.g. US.';
  const capturedAt = values.capturedAt.trim() ? toIso(values.capturedAt) : null;
  if (values.capturedAt.trim() && !capturedAt) errors.capturedAt = 'A date and time.';
  if (values.quantity.trim() && !/^[1-9]\d{0,4}$/.test(values.quantity.trim())) errors.quantity = 'A whole number from 1.';
  if (Object.keys(errors).length) return { errors, input: null };
  return {
    errors,
    input: {
      segment: values.segment,
      subsegment: values.subsegment || null,
      country: values.country.trim().toUpperCase(),
      region: values.region.trim() ? values.region.trim().toUpperCase() : null,
      city: values.city.trim() || null,
      temperature: values.temperature,
      exclusivity: values.exclusivity,
      verified: values.verified,
      capturedAt,
      quantity: values.quantity.trim() ? Number(values.quantity) : null,
    },
  };
}
