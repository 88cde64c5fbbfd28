import { describe, expect, test } from 'vitest';
import { translate } from '../../client/i18n/index.ts';
import { argumentsOf, compileMessage, parseMessage } from '../../client/i18n/message.ts';

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
    expect(translate('en', 'cards.summary', { count: 1, mean: 71 })).toBe('1 decision scored · score 71 of 100');
    expect(translate('en', 'cards.summary', { count: 3, mean: 64.5 })).toBe('3 decisions scored · mean score 64.5 of 100');
    expect(translate('es', 'cards.summary', { count: 1, mean: 71 })).toBe('1 decisión puntuada · puntuación 71 de 100');
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
