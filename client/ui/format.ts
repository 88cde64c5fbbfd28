import type { Locale } from '../../shared/scenario/schema.ts';
import { formatTimerLength } from './timer-length.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formatters.set(key, found);
  }
  return found;
}

/** People are whole; indicators and costs carry up to `digits` decimals. */
export function formatNumber(locale: Locale, value: number, digits = 0): string {
  return formatter(locale, digits).format(Object.is(value, -0) ? 0 : value);
}

/** A change with its sign, so a drop and a rise read apart at a glance. */
export function formatDelta(locale: Locale, value: number, digits = 1): string {
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  if (rounded === 0) return formatNumber(locale, 0, digits);
  return (rounded > 0 ? '+' : '−') + formatNumber(locale, Math.abs(rounded), digits);
}

export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(locale === 'es' ? 'es-MX' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** Milliseconds left as m:ss, rounded up so 0:00 means the time is out; never negative. */
export function formatCountdown(msLeft: number): string {
  return formatTimerLength(Math.ceil(msLeft / 1000));
}

/** Milliseconds until the server's deadline, read on this machine's clock corrected by the estimated offset. */
export function msUntil(deadline: number, localNow: number, clockOffset: number): number {
  return deadline - (localNow + clockOffset);
}

/**
 * The server clock minus ours, from one HTTP exchange: the server stamped `serverDate`
 * somewhere between sending and receiving, so the midpoint is the best guess. HTTP dates
 * have one-second resolution, so offsets under two seconds are noise and read as zero.
 */
export function clockOffsetFrom(serverDate: number, sentAt: number, receivedAt: number): number {
  const offset = serverDate - (sentAt + receivedAt) / 2;
  return Math.abs(offset) < 2000 ? 0 : Math.round(offset);
}
