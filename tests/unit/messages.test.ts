import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { es } from '../../client/i18n/es.ts';
import { inThisLanguage, locale, translate } from '../../client/i18n/index.ts';
import { argumentsOf, compileMessage, parseMessage } from '../../client/i18n/message.ts';
import { withLocalNumerals } from '../../client/i18n/numerals.ts';

const SCENARIOS = path.resolve(import.meta.dirname, '../../scenarios');

describe('catalogue messages (ICU MessageFormat)', () => {
  test.each([
    ['en', 1, '1 round'],
    ['en', 6, '6 rounds'],
    ['en', 0, '0 rounds'],
    ['es', 1, '1 ronda'],
    ['es', 6, '6 rondas'],
    ['es', 0, '0 rondas'],
  ] as const)('%s: %i rounds reads "%s"', (locale, count, text) => {
    expect(translate(locale, 'common.rounds', { count })).toBe(text);
  });

  test('a plural form can change more than its noun', () => {
    expect(translate('en', 'cards.summary', { count: 1, mean: 71 })).toBe('1 decision rated · rating 71 of 100');
    expect(translate('en', 'cards.summary', { count: 3, mean: 64.5 })).toBe('3 decisions rated · mean rating 64.5 of 100');
    expect(translate('es', 'cards.summary', { count: 1, mean: 71 })).toBe('1 decisión valorada · valoración 71 de 100');
  });

  test('a number given for a plain value is written in the language’s format; a string is left as given', () => {
    expect(translate('en', 'chat.counter', { count: 1200, max: 30000 })).toBe('1,200 of 30,000 characters');
    expect(translate('es', 'chat.counter', { count: 1200.5, max: 30000 })).toBe('1,200.5 de 30,000 caracteres');
    expect(translate('es', 'chat.counter', { count: '1200', max: 30000 })).toBe('1200 de 30,000 caracteres');
  });

  test('a plural writes its number in the language’s format too', () => {
    expect(compileMessage('es', '{n, plural, one {# plaza} other {# plazas}}').format({ n: 30000 })).toBe('30,000 plazas');
    expect(compileMessage('en', '{n, plural, one {# place} other {# places}}').format({ n: 1 })).toBe('1 place');
  });

  test('a value not given stays visible as its placeholder', () => {
    expect(translate('en', 'chat.counter', { count: 3 })).toBe('3 of {max} characters');
  });

  test('markup-like text is plain text, and an apostrophe is an apostrophe', () => {
    expect(compileMessage('en', 'the <b>{seat}</b>’s turn, the player\'s move').format({ seat: 'US' })).toBe('the <b>US</b>’s turn, the player\'s move');
  });

  test('knows which values only fill in plain', () => {
    expect([...argumentsOf(parseMessage('{a} {b, plural, one {# x {c}} other {# y}} {d, number}'))]).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', false],
    ]);
  });
});

describe('numbers in scenario texts', () => {
  test.each([
    ['es', 'hasta 30 000 personas al mes y más de 520 000 en el año', 'hasta 30,000 personas al mes y más de 520,000 en el año'],
    ['es', 'unos 1 250 000 refugiados', 'unos 1,250,000 refugiados'],
    ['es', 'en 2019, 25 elementos y 5000 empleos', 'en 2019, 25 elementos y 5000 empleos'],
    ['en', 'up to 30,000 people a month, 2019', 'up to 30,000 people a month, 2019'],
    ['en', 'a 0.5 share and 1,250,000 refugees', 'a 0.5 share and 1,250,000 refugees'],
  ] as const)('%s: "%s" reads "%s"', (locale, text, shown) => {
    expect(withLocalNumerals(locale, text)).toBe(shown);
  });

  test('every number written with spaces in the Spanish scenarios is read as one number', () => {
    const spaced = /\d{1,3}(?: \d{3})+/g;
    for (const file of readdirSync(SCENARIOS).filter((name) => name.endsWith('.json') && name !== 'schema.json')) {
      const text = readFileSync(path.join(SCENARIOS, file), 'utf8');
      for (const written of text.match(spaced) ?? []) {
        expect(withLocalNumerals('es', written), `${file}: ${written}`).toBe(new Intl.NumberFormat('es-MX').format(Number(written.replace(/ /g, ''))));
      }
    }
  });
});

describe('one Spanish word per concept', () => {
  /** The word the game uses, and the synonyms it does not. */
  const GLOSSARY = [
    { use: 'costo', not: /\bcostes?\b/i },
    { use: 'ficha (del marco)', not: /\btarjetas?\b/i },
    { use: 'lugar (en la mesa)', not: /\b(asientos?|puestos?)\b/i },
    { use: 'N mil …', not: /\d\s+miles de\b|^miles de\b/i },
    { use: 'visa', not: /\bvisados?\b/i },
  ];

  test.each(GLOSSARY)('the Spanish catalogue says $use', ({ not }) => {
    const found = Object.entries(es).filter(([, text]) => not.test(text));
    expect(found).toEqual([]);
  });

  test.each(GLOSSARY)('scenario instruments say $use in their Spanish names and units', ({ not }) => {
    for (const file of readdirSync(SCENARIOS).filter((name) => name.endsWith('.json') && name !== 'schema.json')) {
      const scenario = JSON.parse(readFileSync(path.join(SCENARIOS, file), 'utf8')) as { instruments: { id: string; label: { es: string }; param: { unit: { es: string } } }[] };
      for (const instrument of scenario.instruments) {
        expect(not.test(instrument.label.es), `${file} ${instrument.id}: ${instrument.label.es}`).toBe(false);
        expect(not.test(instrument.param.unit.es), `${file} ${instrument.id}: ${instrument.param.unit.es}`).toBe(false);
      }
    }
  });

  /** Every Spanish string of a scenario, wherever it sits (briefings, hints, the historical record). */
  function spanishStrings(node: unknown): string[] {
    if (Array.isArray(node)) return node.flatMap(spanishStrings);
    if (typeof node !== 'object' || node === null) return [];
    return Object.entries(node).flatMap(([key, value]) => (key === 'es' && typeof value === 'string' ? [value] : spanishStrings(value)));
  }

  test('scenario prose says "visa", never "visado", in every Spanish string', () => {
    const found = readdirSync(SCENARIOS)
      .filter((name) => name.endsWith('.json') && name !== 'schema.json')
      .flatMap((file) => spanishStrings(JSON.parse(readFileSync(path.join(SCENARIOS, file), 'utf8'))).filter((text) => /\bvisados?\b/i.test(text)).map((text) => `${file}: ${text}`));
    expect(found).toEqual([]);
  });
});

describe('a shared link', () => {
  test('carries the language of the page that shares it, whatever else it says', () => {
    expect(inThisLanguage('https://class.example/?game=abc123')).toBe(`https://class.example/?game=abc123&lang=${locale()}`);
    expect(inThisLanguage('https://class.example/?code=K7P2QX&lang=xx')).toBe(`https://class.example/?code=K7P2QX&lang=${locale()}`);
  });
});
