import type { Locale, Localized } from '../../shared/scenario/schema.ts';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { compileMessage, type Message, type Params } from './message.ts';

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

let current: Locale = storedLocale();
const listeners = new Set<(locale: Locale) => void>();

export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not persisted: the choice still holds for this page.
  }
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

/** Scenario texts carry both languages. */
export function local(text: Localized): string {
  return text[current];
}
