import { expect, test } from 'vitest';
import { translate } from '../../client/i18n/index.ts';

test.each([
  ['en', 1, 1, 'Starting now opens 1 table, and 1 seat has no student yet.'],
  ['en', 2, 3, 'Starting now opens 2 tables, and 3 seats have no student yet.'],
  ['es', 1, 1, 'Si empiezas ahora se abre 1 mesa, y 1 lugar aún no tiene estudiante.'],
  ['es', 2, 3, 'Si empiezas ahora se abren 2 mesas, y 3 lugares aún no tienen estudiante.'],
] as const)('%s: starting %i tables with %i empty seats reads "%s"', (locale, tables, count, text) => {
  expect(translate(locale, 'start.empty', { tables, count })).toBe(text);
});

test.each([
  ['en', 1, 1, '1 student joined (1 online)'],
  ['en', 2, 0, '2 students joined (0 online)'],
  ['es', 1, 1, '1 estudiante unido (1 conectado)'],
  ['es', 3, 2, '3 estudiantes unidos (2 conectados)'],
] as const)('%s: the projector with %i students, %i online, reads "%s"', (locale, count, connected, text) => {
  expect(translate(locale, 'projector.joined', { count, connected })).toBe(text);
});

test.each([
  ['es', 1, 3, '1 conectado de 3'],
  ['es', 2, 3, '2 conectados de 3'],
  ['en', 1, 3, '1 connected of 3'],
] as const)('%s: the roster with %i of %i connected reads "%s"', (locale, connected, total, text) => {
  expect(translate(locale, 'roster.count', { connected, total })).toBe(text);
});
