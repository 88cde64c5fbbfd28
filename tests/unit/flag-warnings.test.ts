import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flagWarnings } from '../../client/ui/flag-warnings.ts';
import { createGame, playerView, type Move } from '../../shared/rules/index.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { advanceTo } from './fixtures/play.ts';

const mexico = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));

describe('warnings before a move is sent', () => {
  it('say the card\'s flag sentences with their numbers, in the student\'s language', () => {
    const s = advanceTo(mexico, createGame(mexico, 2019), 'negotiation');
    const offer: Move = { type: 'propose', version: s.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 25 }, { seat: 'mx', instrument: 'mx_returns', amount: 30000 }], rounds: 2 };
    const [en] = flagWarnings(mexico, playerView(s, 'us'), 'us', offer, 'en');
    expect(en).toBe('Warning: this asks the other side for obligations needing 100 capacity points a round when it has 60: it is likely to fall short, however willing.');
    const [es] = flagWarnings(mexico, playerView(s, 'us'), 'us', offer, 'es');
    expect(es).toContain('100 puntos de capacidad por ronda cuando tiene 60');
  });

  it('are empty for an offer within both sides\' means', () => {
    const s = advanceTo(mexico, createGame(mexico, 2019), 'negotiation');
    const offer: Move = { type: 'propose', version: s.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 15 }, { seat: 'us', instrument: 'us_aid', amount: 200 }], rounds: 1 };
    expect(flagWarnings(mexico, playerView(s, 'us'), 'us', offer, 'en')).toEqual([]);
  });
});
