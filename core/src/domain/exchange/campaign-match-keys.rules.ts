// The keys a lead is looked up by in campaigns_match_keys_idx: "SEGMENT|COUNTRY|city", each dimension either the
// lead's value or '*' (a campaign that leaves it open). The SQL function campaign_match_keys(filter) (migration
// 0015) makes a campaign's keys the same way; city names compare case-insensitively, as the exact filter does.
export interface MatchKeyLead {
  segment: string;
  country: string;
  city: string | null;
}

export function leadMatchKeys(lead: MatchKeyLead): string[] {
  const cities = lead.city ? [lead.city.toLowerCase(), '*'] : ['*'];
  const keys: string[] = [];
  for (const segment of [lead.segment, '*']) for (const country of [lead.country, '*']) for (const city of cities) keys.push(`${segment}|${country}|${city}`);
  return keys;
}
