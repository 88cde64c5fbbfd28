import { describe, expect, it } from 'vitest';
import { createGame } from '../../shared/rules/index.ts';
import { clonePlain } from '../../shared/rules/clone-plain.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';
import { advanceTo, must } from './fixtures/play.ts';

const scenario = tinyScenario();
let s = advanceTo(scenario, createGame(scenario, 3), 'negotiation');
s = must(scenario, s, 'dest', { type: 'chat', version: s.version, to: 'trans', text: 'A word' });
s = must(scenario, s, 'dest', { type: 'threaten', version: s.version, target: 'trans', demand: { instrument: 'guard', amount: 5 }, consequence: { instrument: 'tariff', amount: 5 }, dueRound: 2 });
s = advanceTo(scenario, s, 'debrief');

describe('clonePlain copies a game state as structuredClone would', () => {
  it('gives the same keys in the same order and the same values', () => {
    expect(s.history).toHaveLength(1);
    expect(JSON.stringify(clonePlain(s))).toBe(JSON.stringify(structuredClone(s)));
  });

  it('shares nothing with the original: changing the copy leaves the state as it was', () => {
    const before = JSON.stringify(s);
    const copy = clonePlain(s);
    for (const seat of Object.values(copy.seats)) seat.policy.tariff = 99;
    for (const threat of copy.threats) threat.status = 'carried_out';
    for (const result of copy.history) result.flows.push({ flow: 'x', setOut: 1, diverted: 0, interdicted: 0, arrived: 1 });
    copy.chat.length = 0;
    expect(JSON.stringify(copy)).not.toBe(before);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('keeps a key spelt __proto__ as data, not as the prototype', () => {
    const copy = clonePlain(JSON.parse('{"__proto__": {"level": 3}, "b": [1, null]}'));
    expect(Object.keys(copy)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.b).toEqual([1, null]);
  });
});
