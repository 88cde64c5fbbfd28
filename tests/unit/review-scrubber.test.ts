import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playBotGame } from '../../shared/bots/play-bot-game.ts';
import type { BotPolicyId } from '../../shared/framework.ts';
import { replay, stateHash } from '../../shared/rules/index.ts';
import { nextRandom, seedRng } from '../../shared/rules/prng.ts';
import { createScrubber, SNAPSHOT_EVERY } from '../../shared/review/scrubber.ts';
import { Scenario } from '../../shared/scenario/schema.ts';

function scenarioFile(id: string): Scenario {
  return Scenario.parse(JSON.parse(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8')));
}

/** Every step 0..n once, in an order fixed by the seed (Fisher–Yates on the rules' own PRNG). */
function permutation(n: number, seed: number): number[] {
  const steps = Array.from({ length: n + 1 }, (_, i) => i);
  let rng = seedRng(seed);
  for (let i = steps.length - 1; i > 0; i--) {
    const draw = nextRandom(rng);
    rng = draw.rng;
    const j = Math.floor(draw.value * (i + 1));
    [steps[i], steps[j]] = [steps[j], steps[i]];
  }
  return steps;
}

const games: { id: string; policies: Record<string, BotPolicyId> }[] = [
  { id: 'us-mexico-2019', policies: { us: 'coercive', mx: 'defensive' } },
  { id: 'hemisphere-2023', policies: { us: 'dealmaker', pa: 'extractive', mx: 'defensive' } },
];

describe.each(games)('the scrubber over a bot game of $id', ({ id, policies }) => {
  const scenario = scenarioFile(id);
  const { record } = playBotGame(scenario, 5, policies, 5);
  const expected = Array.from({ length: record.entries.length + 1 }, (_, step) => stateHash(replay(scenario, record, step)));

  it('covers a record long enough to cross several snapshots', () => {
    expect(record.entries.length).toBeGreaterThan(4 * SNAPSHOT_EVERY);
    expect(createScrubber(scenario, record).steps).toBe(record.entries.length);
  });

  it('gives the replayed state at every step, visited in a shuffled order, and never changes one it gave', () => {
    const scrubber = createScrubber(scenario, record);
    const given: { step: number; state: ReturnType<typeof scrubber.stateAt>; hash: string }[] = [];
    for (const step of permutation(record.entries.length, 2019)) {
      const state = scrubber.stateAt(step);
      const hash = stateHash(state);
      expect(hash, `step ${step}`).toBe(expected[step]);
      given.push({ step, state, hash });
    }
    for (const again of permutation(record.entries.length, 7)) expect(stateHash(scrubber.stateAt(again))).toBe(expected[again]);
    for (const { step, state, hash } of given) expect(stateHash(state), `step ${step}`).toBe(hash);
  });

  it('clamps steps outside the record to its ends', () => {
    const scrubber = createScrubber(scenario, record);
    expect(stateHash(scrubber.stateAt(-3))).toBe(expected[0]);
    expect(stateHash(scrubber.stateAt(record.entries.length + 40))).toBe(expected[record.entries.length]);
    expect(stateHash(scrubber.stateAt(Number.POSITIVE_INFINITY))).toBe(expected[record.entries.length]);
  });
});

describe('the scrubber keeps its snapshots to itself', () => {
  const scenario = scenarioFile('tutorial');
  const { record } = playBotGame(scenario, 3, { norland: 'punitive', vadia: 'restraint' }, 3);
  const final = stateHash(replay(scenario, record));

  it('is unaffected when a caller writes to a state it was given at a snapshot step', () => {
    const scrubber = createScrubber(scenario, record, 4);
    const snapshot = scrubber.stateAt(8);
    const before = stateHash(snapshot);
    snapshot.round = 99;
    snapshot.seats.norland.indicators.approval = 0;
    expect(stateHash(scrubber.stateAt(8))).toBe(before);
    expect(stateHash(scrubber.stateAt(record.entries.length))).toBe(final);
  });

  it.each([1, 3, 1000])('agrees with replay with a snapshot every %i entries', (every) => {
    const scrubber = createScrubber(scenario, record, every);
    for (const step of permutation(record.entries.length, every)) expect(stateHash(scrubber.stateAt(step))).toBe(stateHash(replay(scenario, record, step)));
  });

  it('refuses a spacing that is not a positive whole number', () => {
    expect(() => createScrubber(scenario, record, 0)).toThrow(RangeError);
    expect(() => createScrubber(scenario, record, 2.5)).toThrow(RangeError);
  });
});
