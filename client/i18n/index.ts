import type { Locale, Localized } from '../../shared/scenario/schema.ts';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { compileMessage, type Message, type Params } from './message.ts';
import { withLocalNumerals } from './numerals.ts';

export type { MessageKey, Params };

const catalogues: Record<Locale, { readonly [K in MessageKey]: string }> = { en, es };
const STORAGE_KEY = 'border-bargain:locale';

/** Each message is read (parsed) the first time it is shown, once per language. */
const compiled: Record<Locale, Map<MessageKey, Message>> = { en: new Map(), es: new Map() };

/** A catalogue message with its values filled in: ICU MessageFormat (./message.ts), plurals and numbers in the language's own forms. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  let message = compiled[locale].get(key);
  if (message === undefined) {
    message = compileMessage(locale, catalogues[locale][key]);
    compiled[locale].set(key, message);
  }
  return message.format(params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The address's `lang` names the language a link was shared in: it opens in that language. */
const LANG_PARAM = 'lang';

function linkedLocale(): Locale | null {
  const named = new URLSearchParams(globalThis.location?.search ?? '').get(LANG_PARAM);
  return named === 'en' || named === 'es' ? named : null;
}

function storedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'es') return stored;
  } catch {
    // Storage can be blocked (private mode); the browser language is the next best guess.
  }
  const nav = globalThis.navigator?.language ?? 'en';
  return nav.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function remember(next: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not persisted: the choice still holds for this page.
  }
}

/** A shared link's language wins over the one this browser last used, and becomes it. */
const linked = linkedLocale();
if (linked !== null) remember(linked);
let current: Locale = linked ?? storedLocale();

/** A link to share (a join link, a class's link) that opens in the language of the page that shares it. */
export function inThisLanguage(link: string): string {
  const url = new URL(link);
  url.searchParams.set(LANG_PARAM, current);
  return url.href;
}

const listeners = new Set<(locale: Locale) => void>();

export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  remember(next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

/** Scenario texts carry both languages; their numbers are shown in the page's format. */
export function local(text: Localized): string {
  return withLocalNumerals(current, text[current]);
}
