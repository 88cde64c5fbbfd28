import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import IntlMessageFormat from 'intl-messageformat';
import type { Locale } from '../../shared/scenario/schema.ts';

/**
 * The catalogues' messages are ICU MessageFormat: `{name}` fills in a value,
 * `{count, plural, one {# round} other {# rounds}}` picks the language's plural form and
 * writes the number in its format, `{value, number}` formats a number. intl-messageformat
 * (FormatJS, the library react-intl is built on) reads them; `<` is plain text here.
 */

export type Params = Readonly<Record<string, string | number>>;

/** The number conventions each language is written in; client/ui/format.ts uses the same. */
export const LOCALE_TAG: Record<Locale, string> = { en: 'en-US', es: 'es-MX' };

export type Message = { format(params: Params): string };

/** Every argument a message names, and whether it only ever fills in plain (`{name}`, not a plural or a number). */
export function argumentsOf(elements: readonly MessageFormatElement[], into = new Map<string, boolean>()): Map<string, boolean> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
      continue;
    }
    into.set(el.value, (into.get(el.value) ?? true) && el.type === TYPE.argument);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

export function parseMessage(source: string): MessageFormatElement[] {
  return parse(source, { ignoreTag: true });
}

/**
 * One message, read once. A number given for a plain `{name}` is written in the
 * language's format too (30,000 in English, as Mexico writes it too, with a decimal point), so no caller has to
 * remember to. A value the message needs but was not given stays visible as `{name}`,
 * so a missing parameter is noticed rather than breaking the page.
 */
export function compileMessage(locale: Locale, source: string): Message {
  const ast = parseMessage(source);
  const plainOnly = argumentsOf(ast);
  const format = new IntlMessageFormat(ast, LOCALE_TAG[locale], undefined, { ignoreTag: true });
  const numbers = new Intl.NumberFormat(LOCALE_TAG[locale], { maximumFractionDigits: 3 });
  return {
    format(params) {
      const values: Record<string, string | number> = {};
      for (const [name, plain] of plainOnly) {
        const value = params[name];
        if (value === undefined) values[name] = plain ? `{${name}}` : NaN;
        else values[name] = plain && typeof value === 'number' ? numbers.format(value) : value;
      }
      return String(format.format(values));
    },
  };
}
