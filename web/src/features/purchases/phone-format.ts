// Phone numbers as people read them: national format when the number is of the lead's country, international
// otherwise (libphonenumber-js). The E.164 form stays what is dialled and copied.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

export function displayPhone(e164: string, leadCountry: string | null | undefined): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  const country = leadCountry?.toUpperCase() ?? '';
  // the small metadata cannot always tell countries of one calling code apart (+44 07911… reads as GG, not GB):
  // the calling code decides, so a number dialled the same way from the lead's country reads nationally
  const home = parsed.country === country || (isSupportedCountry(country) && getCountryCallingCode(country) === parsed.countryCallingCode);
  return home ? parsed.formatNational() : parsed.formatInternational();
}

/** "ana.silva@example.com" → ["ana.silva", "@example.com"]: the page offers a line break before the @. */
export function emailParts(email: string): [string, string] {
  const at = email.lastIndexOf('@');
  return at > 0 ? [email.slice(0, at), email.slice(at)] : [email, ''];
}
