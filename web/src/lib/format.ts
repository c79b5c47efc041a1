// Display formatting: money, ages, dates, rates. Display only: sums and checks on money are in lib/money.ts (minor units).
export interface MoneyValue {
  amount: string;
  currencyCode: string;
}

/**
 * A Money value in the user's locale, with exactly the decimals the API sent (the platform's minor-unit
 * digits): the runtime's own idea of a currency's decimals (CLDR) differs from ISO 4217 for some, e.g. IRR.
 */
export function formatMoney(money: MoneyValue | null | undefined): string {
  if (!money) return '—';
  const amount = Number(money.amount);
  if (!Number.isFinite(amount)) return `${money.amount} ${money.currencyCode}`;
  const digits = /^-?\d+(?:\.(\d+))?$/.exec(money.amount.trim())?.[1]?.length ?? 0;
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: money.currencyCode,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${money.amount} ${money.currencyCode}`;
  }
}

/** "12 min", "5 h", "3 d" since an ISO time. */
export function formatAge(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return '—';
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A fraction as a percentage: "0.2" → "20%", 0.0525 → "5.25%". */
export function formatRate(rate: string | number): string {
  const n = typeof rate === 'number' ? rate : Number(rate);
  if (!Number.isFinite(n)) return String(rate);
  return `${Number((n * 100).toFixed(2))}%`;
}

/** The value of an <input type="datetime-local"> for a date, in local time. */
export function toDateTimeLocalValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An <input type="datetime-local"> value (local time) as ISO-8601 UTC; null when it is not a date. */
export function dateTimeLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim())) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
