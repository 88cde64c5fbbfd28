import type { Locale } from '../../shared/scenario/schema.ts';
import { LOCALE_TAG } from './message.ts';

/**
 * How a scenario's texts write a large number in each language: English with commas
 * (30,000), Spanish with spaces (30 000), the style of the Real Academia and of ISO.
 */
const WRITTEN: Record<Locale, RegExp> = {
  en: /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)/g,
  es: /(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d ]?\d)/g,
};

const formats: Partial<Record<Locale, Intl.NumberFormat>> = {};

/**
 * A scenario text with its whole numbers written as the rest of the page writes them
 * (client/ui/format.ts and the catalogue's messages), so the briefing and the table never
 * show 30 000 beside 30,000. Years and other numbers below a thousand are left alone.
 */
export function withLocalNumerals(locale: Locale, text: string): string {
  const format = (formats[locale] ??= new Intl.NumberFormat(LOCALE_TAG[locale], { maximumFractionDigits: 0 }));
  return text.replace(WRITTEN[locale], (written) => format.format(Number(written.replace(/[ ,]/g, ''))));
}
