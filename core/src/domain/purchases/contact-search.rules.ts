// Whether a contact matches a buyer's search text: words of the name, the e-mail, or the phone's digits.

export interface SearchableContact {
  fullName: string;
  email: string | null;
  phone: string | null;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Case- and accent-insensitive substring of the name or e-mail; 3+ digits also match within the phone's digits. */
export function contactMatches(contact: SearchableContact, search: string): boolean {
  const q = fold(search.trim());
  if (!q) return true;
  if (fold(contact.fullName).includes(q)) return true;
  if (contact.email && fold(contact.email).includes(q)) return true;
  const digits = q.replace(/\D/g, '');
  // "+1 (415) 555" → 1415555; a search with letters is not a phone search
  return !!contact.phone && digits.length >= 3 && !/[a-z]/.test(q) && contact.phone.replace(/\D/g, '').includes(digits);
}
