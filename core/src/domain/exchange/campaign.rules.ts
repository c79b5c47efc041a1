// Exchange-mode rules, pure: does a lead match a campaign's filter, is a campaign inside its schedule, and
// who wins an auction at what price.
import type { TLeadFilter } from '../leads/lead-filter';

export interface AuctionLead {
  segment: string;
  subsegment: string | null;
  country: string;
  region: string | null;
  city: string | null;
  geoTier: string;
  kind: string;
  temperature: string;
  exclusivity: string;
  verification: string;
  capturedAt: Date;
  price: number;
  sellerQuality: number;
}

const anyOf = <T>(list: readonly T[] | null | undefined, value: T | null) => !list?.length || (value != null && list.includes(value));

/** The marketplace filter, applied to one lead (minPrice/maxPrice already in minor units). */
export function leadMatchesFilter(lead: AuctionLead, f: TLeadFilter & { minPriceMinor?: number | null; maxPriceMinor?: number | null }, now: Date): boolean {
  return (
    anyOf(f.segments, lead.segment) &&
    anyOf(f.subsegments, lead.subsegment) &&
    anyOf(f.countries, lead.country) &&
    anyOf(f.regions, lead.region) &&
    (!f.cities?.length || (lead.city != null && f.cities.some((c) => c.toLowerCase() === lead.city!.toLowerCase()))) &&
    anyOf(f.geoTiers, lead.geoTier) &&
    anyOf(f.kinds, lead.kind) &&
    anyOf(f.temperatures, lead.temperature) &&
    (!f.exclusivity || f.exclusivity === lead.exclusivity) &&
    (!f.verifiedOnly || lead.verification === 'VERIFIED') &&
    (!f.maxAgeHours || now.getTime() - lead.capturedAt.getTime() <= f.maxAgeHours * 3_600_000) &&
    (f.minPriceMinor == null || lead.price >= f.minPriceMinor) &&
    (f.maxPriceMinor == null || lead.price <= f.maxPriceMinor) &&
    (f.minSellerQuality == null || lead.sellerQuality >= f.minSellerQuality)
  );
}

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export interface ScheduleWindow {
  days: Weekday[];
  from: string; // "09:00", local
  to: string; // "18:00", local, after `from`
}

/** Weekday and "HH:MM" of an instant in a time zone. */
export function localTime(now: Date, timeZone: string): { day: Weekday; time: string; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { day: parts.weekday!.toUpperCase().slice(0, 3) as Weekday, time: `${parts.hour}:${parts.minute}`, date: `${parts.year}-${parts.month}-${parts.day}` };
}

/** An empty schedule means always on. Windows are [from, to) in the campaign's time zone. */
export function inSchedule(schedule: readonly ScheduleWindow[], timeZone: string, now: Date): boolean {
  if (!schedule.length) return true;
  const { day, time } = localTime(now, timeZone);
  return schedule.some((w) => w.days.includes(day) && time >= w.from && time < w.to);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface Bid {
  campaignId: string;
  buyerOrgId: string;
  maxBid: number;
  createdAt: Date;
  /** PRIORITY distribution: higher tiers are served first (default 0, distribution.rules.ts) */
  priority?: number;
  /** WEIGHTED distribution: the campaign's share of the draw (an integer ≥ 1, default 1) */
  weight?: number;
}

export interface Award {
  campaignId: string;
  buyerOrgId: string;
  price: number;
}

/**
 * Sealed-bid auction for `slots` sales of a lead: the highest bids win (ties: the older campaign, then the
 * smaller id — deterministic), one win per buyer. Everyone pays the uniform second price: the best losing
 * bid plus one `step` (chargeStep(currency): a minor unit, 0.010 in the three-decimal currencies), at least
 * the seller's ask, at most their own bid, and a multiple of the step (rounded down) when the ask is. For an
 * exclusive lead (one slot) that is the classic second price. Bids under the ask do not take part.
 */
export function runAuction(bids: readonly Bid[], ask: number, slots: number, step = 1): Award[] {
  if (slots <= 0) return [];
  const ranked = [...bids]
    .filter((b) => b.maxBid >= ask)
    .sort((a, b) => b.maxBid - a.maxBid || a.createdAt.getTime() - b.createdAt.getTime() || (a.campaignId < b.campaignId ? -1 : 1));
  const perBuyer: Bid[] = [];
  for (const b of ranked) if (!perBuyer.some((x) => x.buyerOrgId === b.buyerOrgId)) perBuyer.push(b);
  const winners = perBuyer.slice(0, slots);
  const bestLoser = perBuyer[slots];
  const clearing = Math.max(ask, bestLoser ? bestLoser.maxBid + step : ask);
  // a bid capped by a wallet or budget rest may be off the step: round down, never above it, never below the ask
  const onStep = (amount: number) => Math.max(ask, amount - (amount % step));
  return winners.map((w) => ({ campaignId: w.campaignId, buyerOrgId: w.buyerOrgId, price: onStep(Math.min(w.maxBid, clearing)) }));
}
