import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../shared/scenario/schema.ts';
import { GameRecord } from '../../shared/record.ts';
import { INDICATORS } from '../../shared/scenario/schema.ts';
import { createGame, Move, replay, stateHash, type GameState } from '../../shared/rules/index.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';
import { Dice, playRandomGame, randomMove } from './fixtures/random-play.ts';

const scenarios = [
  tinyScenario(),
  Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8'))),
];

function inRange(state: GameState): boolean {
  if (state.salience < 0 || state.salience > 100) return false;
  return Object.values(state.seats).every((seat) => INDICATORS.every((name) => seat.indicators[name] >= 0 && seat.indicators[name] <= 100));
}

describe.each(scenarios.map((s) => [s.id, s] as const))('random play on %s', (_id, scenario) => {
  it('never throws, keeps indicators in range and always reaches the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer(), (seed, diceSeed) => {
        let inside = true;
        let lastVersion = -1;
        let monotonic = true;
        const table = playRandomGame(scenario, createGame(scenario, seed), seed, diceSeed, (s) => {
          inside &&= inRange(s);
          monotonic &&= s.version >= lastVersion;
          lastVersion = s.version;
        });
        expect(inside).toBe(true);
        expect(monotonic).toBe(true);
        expect(table.state.phase).toBe('ended');
        expect(table.state.history).toHaveLength(scenario.rounds.length);
      }),
      { numRuns: 40 },
    );
  });

  it('replays every recorded game to the identical state hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer(), (seed, diceSeed) => {
        const table = playRandomGame(scenario, createGame(scenario, seed), seed, diceSeed);
        const record = GameRecord.parse(JSON.parse(JSON.stringify(table.record)));
        expect(stateHash(replay(scenario, record))).toBe(stateHash(table.state));
      }),
      { numRuns: 25 },
    );
  });

  it('replays a prefix of the record to the state the table had at that step', () => {
    const seed = 99;
    const states: string[] = [];
    const table = playRandomGame(scenario, createGame(scenario, seed), seed, 5, (s) => states.push(stateHash(s)));
    const step = Math.floor(table.record.entries.length / 2);
    const live = stateHash(replay(scenario, table.record, step));
    expect(states).toContain(live);
  });

  it('gives different games for different seeds and the same game for the same seed', () => {
    const a = createGame(scenario, 1);
    expect(stateHash(createGame(scenario, 1))).toBe(stateHash(a));
    const played = (seed: number) => stateHash(playRandomGame(scenario, createGame(scenario, seed), seed, 3).state);
    expect(played(1)).toBe(played(1));
    expect(played(1)).not.toBe(played(2));
  });

  it('parses every move it serialises back to the same move', () => {
    fc.assert(
      fc.property(fc.integer(), (diceSeed) => {
        const dice = new Dice(diceSeed);
        let state = createGame(scenario, 1);
        for (const phase of ['briefing', 'negotiation', 'decision'] as const) {
          state = { ...state, phase };
          const move = randomMove(scenario, state, scenario.seats[0].id, dice);
          expect(Move.parse(JSON.parse(JSON.stringify(move)))).toEqual(move);
        }
      }),
      { numRuns: 100 },
    );
  });
});
